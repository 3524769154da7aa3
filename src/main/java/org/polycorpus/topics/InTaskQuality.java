package org.polycorpus.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.polycorpus.Columns;
import org.polycorpus.ml.SingleTask;

/**
 * Coherence counts and per-cluster silhouettes of a language small enough for one task
 * ({@link SingleTask}): one pass over its documents there, where {@link Coherence} and
 * {@link ClusterSilhouettes} run three Spark jobs. Same formulas, same results.
 */
final class InTaskQuality {
  record Result(Map<String, Long> counts, Map<Integer, Double> silhouettes) implements Serializable {}

  private InTaskQuality() {}

  /** {@code scored}: tokens, L2-normalised features and cluster_id of the language's documents. */
  static Result measure(Dataset<Row> scored, Set<String> wanted) {
    return SingleTask.run(scored.select(Columns.TOKENS, Columns.FEATURES, Columns.CLUSTER_ID),
        rows -> measure(rows, wanted));
  }

  private static Result measure(Iterator<Row> rows, Set<String> wanted) {
    Map<String, Long> counts = new HashMap<>();
    List<SparseVector> points = new ArrayList<>();
    List<Integer> clusters = new ArrayList<>();
    int k = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      for (String key : Coherence.pairsIn(row.getList(0), wanted)) {
        counts.merge(key, 1L, Long::sum);
      }
      points.add(((Vector) row.get(1)).toSparse());
      clusters.add(row.getInt(2));
      k = Math.max(k, row.getInt(2) + 1);
    }
    return new Result(counts, silhouettes(points, clusters, k));
  }

  private static Map<Integer, Double> silhouettes(List<SparseVector> points, List<Integer> clusters, int k) {
    Map<Integer, Double> means = new HashMap<>();
    if (points.isEmpty()) {
      return means;
    }
    double[][] sums = new double[k][points.get(0).size()];
    long[] sizes = new long[k];
    for (int i = 0; i < points.size(); i++) {
      SphericalKMeans.add(sums[clusters.get(i)], points.get(i));
      sizes[clusters.get(i)]++;
    }
    if (java.util.Arrays.stream(sizes).filter(size -> size > 0).count() < 2) {
      return means;
    }
    double[] totals = new double[k];
    for (int i = 0; i < points.size(); i++) {
      totals[clusters.get(i)] += SphericalKMeans.pointSilhouette(points.get(i), clusters.get(i), sums, sizes);
    }
    for (int c = 0; c < k; c++) {
      if (sizes[c] > 0) {
        means.put(c, totals[c] / sizes[c]);
      }
    }
    return means;
  }
}
