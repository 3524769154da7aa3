package org.polycorpus.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * For languages without a Lucene analyzer: ICU word segmentation (handles scripts without
 * spaces, such as Thai or Khmer) and ICU case folding with NFKC normalisation. No stopwords.
 */
public final class FallbackAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new ICUTokenizer();
    TokenStream result = new ICUNormalizer2Filter(source); // nfkc_cf: NFKC plus case folding
    return new TokenStreamComponents(source, result);
  }
}
