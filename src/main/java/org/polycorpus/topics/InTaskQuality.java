package org.polycorpus.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.polycorpus.Columns;
import org.polycorpus.ml.SingleTask;

/**
 * Cluster labels, coherence counts and per-cluster silhouettes of a language small enough for
 * one task ({@link SingleTask}): computed there from its documents held in memory, where
 * {@link ClusterLabels}, {@link Coherence} and {@link ClusterSilhouettes} run some ten Spark
 * jobs. Same formulas, same results.
 */
final class InTaskQuality {
  /** Label stems and sizes by cluster, document counts of terms and term pairs, silhouettes by cluster. */
  record Result(Map<Integer, List<String>> labels, Map<Integer, Long> sizes, Map<String, Long> counts,
      Map<Integer, Double> silhouettes) implements Serializable {}

  private InTaskQuality() {}

  /**
   * {@code scored}: tokens, L2-normalised features and cluster_id of the language's documents;
   * coherence is counted for the topics' terms and the labels' first {@code coherenceTerms}.
   */
  static Result measure(Dataset<Row> scored, Set<String> topicTerms, int labelTerms, int coherenceTerms) {
    return SingleTask.run(scored.select(Columns.TOKENS, Columns.FEATURES, Columns.CLUSTER_ID),
        rows -> measure(rows, topicTerms, labelTerms, coherenceTerms));
  }

  private static Result measure(Iterator<Row> rows, Set<String> topicTerms, int labelTerms, int coherenceTerms) {
    List<List<String>> tokens = new ArrayList<>();
    List<SparseVector> points = new ArrayList<>();
    List<Integer> clusters = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      tokens.add(row.getList(0));
      points.add(((Vector) row.get(1)).toSparse());
      clusters.add(row.getInt(2));
    }
    return measure(tokens, points, clusters.stream().mapToInt(Integer::intValue).toArray(), topicTerms, labelTerms,
        coherenceTerms);
  }

  /** The measures of documents held in memory: their tokens, features and clusters. */
  static Result measure(List<List<String>> tokens, List<SparseVector> points, int[] clusters, Set<String> topicTerms,
      int labelTerms, int coherenceTerms) {
    Map<Integer, Map<String, Long>> termCounts = new TreeMap<>();
    Map<Integer, Long> sizes = new TreeMap<>();
    for (int d = 0; d < tokens.size(); d++) {
      Map<String, Long> counts = termCounts.computeIfAbsent(clusters[d], c -> new HashMap<>());
      tokens.get(d).forEach(term -> counts.merge(term, 1L, Long::sum));
      sizes.merge(clusters[d], 1L, Long::sum);
    }
    Map<Integer, List<String>> labels = ClusterLabels.label(termCounts, labelTerms);
    Set<String> wanted = new TreeSet<>(topicTerms);
    labels.values().forEach(label -> wanted.addAll(label.subList(0, Math.min(coherenceTerms, label.size()))));
    Map<String, Long> counts = new HashMap<>();
    for (List<String> document : tokens) {
      for (String key : Coherence.pairsIn(document, wanted)) {
        counts.merge(key, 1L, Long::sum);
      }
    }
    int k = sizes.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    return new Result(labels, sizes, counts, silhouettes(points, clusters, k));
  }

  private static Map<Integer, Double> silhouettes(List<SparseVector> points, int[] assignment, int k) {
    Map<Integer, Double> means = new HashMap<>();
    if (points.isEmpty()) {
      return means;
    }
    SphericalKMeans.Silhouettes silhouettes =
        SphericalKMeans.silhouettes(points, assignment, points.get(0).size(), k);
    long[] sizes = silhouettes.sizes();
    if (java.util.Arrays.stream(sizes).filter(size -> size > 0).count() < 2) {
      return means;
    }
    for (int c = 0; c < k; c++) {
      if (sizes[c] > 0) {
        means.put(c, silhouettes.perCluster()[c] / sizes[c]);
      }
    }
    return means;
  }
}
