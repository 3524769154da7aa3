package org.polycorpus.topics;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.polycorpus.Columns;

/**
 * Labels clusters with their most distinctive terms by class-based TF-IDF: all documents of a
 * cluster form one class, and
 * <pre>  w(t, c) = tf(t, c) / |c| * ln(1 + A / f(t))</pre>
 * where tf(t, c) counts t in cluster c, |c| is the cluster's term count, A the mean term count
 * per cluster and f(t) the count of t across the language's clusters. Best first, ties by term.
 */
final class ClusterLabels {
  private ClusterLabels() {}

  /** cluster_id and label_stems, for one language's clustered documents, with Spark jobs. */
  static Dataset<Row> label(Dataset<Row> clustered, int labelTerms) {
    Dataset<Row> counts = clustered
        .select(col(Columns.CLUSTER_ID), explode(col(Columns.TOKENS)).as("term"))
        .groupBy(Columns.CLUSTER_ID, "term").count();
    Dataset<Row> clusterSizes = counts.groupBy(Columns.CLUSTER_ID).agg(sum("count").as("cluster_terms"));
    Dataset<Row> termTotals = counts.groupBy("term").agg(sum("count").as("term_total"));
    Dataset<Row> meanClusterTerms = clusterSizes.agg(avg("cluster_terms").as("mean_cluster_terms"));
    return counts
        .join(clusterSizes, Columns.CLUSTER_ID)
        .join(termTotals, "term")
        .crossJoin(meanClusterTerms)
        .withColumn("weight", col("count").divide(col("cluster_terms"))
            .multiply(log(lit(1.0).plus(col("mean_cluster_terms").divide(col("term_total"))))))
        .withColumn("rank", row_number().over(Window.partitionBy(Columns.CLUSTER_ID)
            .orderBy(col("weight").desc(), col("term"))))
        .filter(col("rank").leq(labelTerms))
        .groupBy(Columns.CLUSTER_ID)
        // collect_list keeps no order after a shuffle: sort the (rank, term) pairs explicitly.
        .agg(array_sort(collect_list(struct(col("rank"), col("term")))).as("ranked"))
        .select(col(Columns.CLUSTER_ID), col("ranked.term").as("label_stems"));
  }

  /** The same labels from term counts per cluster, inside one task. */
  static Map<Integer, List<String>> label(Map<Integer, Map<String, Long>> countsByCluster, int labelTerms) {
    Map<String, Long> termTotals = new HashMap<>();
    Map<Integer, Long> clusterTerms = new TreeMap<>();
    countsByCluster.forEach((cluster, counts) -> counts.forEach((term, count) -> {
      termTotals.merge(term, count, Long::sum);
      clusterTerms.merge(cluster, count, Long::sum);
    }));
    double meanClusterTerms = clusterTerms.values().stream().mapToLong(Long::longValue).sum()
        / (double) clusterTerms.size();
    Map<Integer, List<String>> labels = new TreeMap<>();
    countsByCluster.forEach((cluster, counts) -> {
      List<Map.Entry<String, Double>> weights = new ArrayList<>();
      counts.forEach((term, count) -> weights.add(Map.entry(term, (double) count / clusterTerms.get(cluster)
          * Math.log(1.0 + meanClusterTerms / termTotals.get(term)))));
      weights.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
          .thenComparing(Map.Entry::getKey));
      labels.put(cluster, weights.stream().limit(labelTerms).map(Map.Entry::getKey).toList());
    });
    return labels;
  }
}
