package org.polycorpus.features;

/**
 * The weights behind {@code document_terms.tfidf}, written out in the README:
 * <pre>
 *   idf(t) = ln((1 + N) / (1 + df(t))) + 1      N documents in the language, df(t) of them contain t
 *   w(t,d) = tf(t,d)                 or  1 + ln(tf(t,d)) with sublinear TF
 *   tfidf  = w(t,d) * idf(t)
 * </pre>
 * The "+ 1" keeps a term found in every document (and every term of a one-document language)
 * at weight tf rather than 0, which Spark's plain IDF, ln((N + 1) / (df + 1)), would give it.
 */
public final class IdfFormula {
  private IdfFormula() {}

  public static double idf(long numDocs, long docFreq) {
    return Math.log((1.0 + numDocs) / (1.0 + docFreq)) + 1.0;
  }

  public static double termWeight(double termFrequency, boolean sublinear) {
    if (termFrequency <= 0) {
      return 0.0;
    }
    return sublinear ? 1.0 + Math.log(termFrequency) : termFrequency;
  }
}
