package org.polycorpus.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fa.PersianCharFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.fa.PersianStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene's Persian chain plus its Persian stemmer, which {@link PersianAnalyzer} leaves out.
 * The ZWNJ char filter splits compounds such as "می‌کنند" the way Lucene does; Arabic then
 * Persian normalisation fold yeh/keheh variants, diacritics and tatweel.
 */
public final class PersianTextAnalyzer extends Analyzer {
  private final CharArraySet stopwords = PersianAnalyzer.getDefaultStopSet();
  private final CharArraySet stopwordsAndStems = StopwordStems.withStems(stopwords, new PersianStemmer()::stem);

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new PersianCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new LowerCaseFilter(source);
    result = new DecimalDigitFilter(result);
    result = new ArabicNormalizationFilter(result);
    result = new PersianNormalizationFilter(result);
    // Lucene's Persian stopword list is stored normalised, so it runs after normalisation.
    result = new StopFilter(result, stopwords);
    result = new PersianStemFilter(result);
    // Stemming a stopword leaves its stem: drop those too.
    result = new StopFilter(result, stopwordsAndStems);
    return new TokenStreamComponents(source, result);
  }
}
