package org.polycorpus.analysis;

import org.apache.lucene.analysis.CharArraySet;

/** A stopword set plus the stems a stemmer makes of its words, for a filter after stemming. */
final class StopwordStems {
  /** Lucene stemmers' shape: stem the first {@code length} chars in place, return the new length. */
  interface Stemmer {
    int stem(char[] word, int length);
  }

  private StopwordStems() {}

  static CharArraySet withStems(CharArraySet stopwords, Stemmer stemmer) {
    CharArraySet all = new CharArraySet(stopwords.size() * 2, false);
    for (Object word : stopwords) {
      char[] chars = ((char[]) word).clone();
      all.add(chars);
      all.add(new String(chars, 0, stemmer.stem(chars, chars.length)));
    }
    return CharArraySet.unmodifiableSet(all);
  }
}
