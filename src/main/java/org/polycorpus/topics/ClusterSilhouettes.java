package org.polycorpus.topics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * Each cluster's mean silhouette, with the cosine silhouette Spark's ClusteringEvaluator
 * averages over all points: how well a cluster's own documents sit in it. Two Spark jobs: the
 * clusters' vector sums (k vectors to the driver), then every point's silhouette, averaged per
 * cluster.
 */
final class ClusterSilhouettes {
  private ClusterSilhouettes() {}

  /** Mean silhouette by cluster id, over L2-normalised {@code featuresCol}; empty with one cluster. */
  static Map<Integer, Double> perCluster(Dataset<Row> clustered, String featuresCol, String clusterCol) {
    List<Row> sums = clustered.groupBy(col(clusterCol))
        .agg(Summarizer.sum(col(featuresCol)).as("sum"), count(lit(1)).as("size")).collectAsList();
    Map<Integer, Double> silhouettes = new HashMap<>();
    if (sums.size() < 2) {
      return silhouettes;
    }
    int k = sums.stream().mapToInt(r -> r.getInt(0)).max().orElse(0) + 1;
    double[][] vectors = new double[k][];
    long[] sizes = new long[k];
    for (Row row : sums) {
      vectors[row.getInt(0)] = ((Vector) row.get(1)).toArray();
      sizes[row.getInt(0)] = row.getLong(2);
    }
    int dimension = vectors[sums.get(0).getInt(0)].length;
    for (int c = 0; c < k; c++) {
      vectors[c] = vectors[c] == null ? new double[dimension] : vectors[c];
    }
    Broadcast<double[][]> sharedSums = JavaSparkContext.fromSparkContext(clustered.sparkSession().sparkContext())
        .broadcast(vectors);
    var silhouette = udf((UDF2<Vector, Integer, Double>) (point, own) ->
        SphericalKMeans.pointSilhouette(point.toSparse(), own, sharedSums.value(), sizes), DataTypes.DoubleType);
    for (Row row : clustered.select(col(clusterCol), silhouette.apply(col(featuresCol), col(clusterCol)).as("s"))
        .groupBy(clusterCol).agg(avg("s")).collectAsList()) {
      silhouettes.put(row.getInt(0), row.getDouble(1));
    }
    sharedSums.destroy();
    return silhouettes;
  }
}
