package org.polycorpus.topics;

/**
 * How a language's documents are clustered and topic-modelled.
 *
 * @param fixedK    clusters to use, or 0 to choose k from [kMin, kMax] by cosine silhouette
 * @param algorithm "kmeans" or "bisecting"
 */
public record ClusterSettings(
    int fixedK, int kMin, int kMax, String algorithm, int maxIter, long seed,
    int labelTerms, int topics, int ldaIterations, int topicTerms) implements java.io.Serializable {

  public ClusterSettings {
    if (kMin < 2 || kMax < kMin) {
      throw new IllegalArgumentException("k range must satisfy 2 <= k-min <= k-max, got " + kMin + ".." + kMax);
    }
    if (fixedK < 0 || fixedK == 1) {
      throw new IllegalArgumentException("k must be 0 (choose by silhouette) or at least 2, got " + fixedK);
    }
    if (!algorithm.equals("kmeans") && !algorithm.equals("bisecting")) {
      throw new IllegalArgumentException("cluster algorithm must be kmeans or bisecting, got " + algorithm);
    }
  }
}
