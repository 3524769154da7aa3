package org.polycorpus.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene's Arabic chain (normalizer, light stemmer, stopword list), rearranged so that spelling
 * variants cannot dodge the stopword list: Persian letter forms are folded first, the text is
 * normalised (hamza forms, alef maqsura, teh marbuta, diacritics, tatweel) before stopwords are
 * removed, and the stopword list itself is normalised the same way.
 */
public final class ArabicTextAnalyzer extends Analyzer {
  private static final NormalizeCharMap LETTER_FOLDING = ArabicScriptFolding.persianLettersToArabic();
  private final CharArraySet stopwords = normalisedStopwords();
  private final CharArraySet stopwordsAndStems = StopwordStems.withStems(stopwords, new ArabicStemmer()::stem);

  /** Lucene's Arabic stopwords in the normalised form the chain produces. */
  public static CharArraySet normalisedStopwords() {
    ArabicNormalizer normalizer = new ArabicNormalizer();
    CharArraySet normalised = new CharArraySet(ArabicAnalyzer.getDefaultStopSet().size(), false);
    for (Object word : ArabicAnalyzer.getDefaultStopSet()) {
      char[] chars = (char[]) word;
      char[] copy = chars.clone();
      normalised.add(new String(copy, 0, normalizer.normalize(copy, copy.length)));
    }
    return CharArraySet.unmodifiableSet(normalised);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new MappingCharFilter(LETTER_FOLDING, reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new LowerCaseFilter(source);
    result = new DecimalDigitFilter(result);
    // Normalise before the stopword filter: the stopword set is normalised too.
    result = new ArabicNormalizationFilter(result);
    result = new StopFilter(result, stopwords);
    result = new ArabicStemFilter(result);
    // Stemming a stopword with a clitic leaves its stem ("والذي" -> "ذي"): drop those too.
    result = new StopFilter(result, stopwordsAndStems);
    return new TokenStreamComponents(source, result);
  }
}
