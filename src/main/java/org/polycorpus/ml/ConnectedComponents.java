package org.polycorpus.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of a graph of documents by label propagation: every node takes the
 * smallest label among itself and its neighbours until nothing changes, so each component is
 * named by its smallest id. The groups this serves (near-duplicates, stories) are small, so it
 * ends in a few rounds, each one Spark job.
 */
public final class ConnectedComponents {
  private static final int MAX_ROUNDS = 50;

  private ConnectedComponents() {}

  /**
   * {@code edges}: columns {@code graph} (components never cross graphs), a and b, each edge in
   * both directions. Returns graph, a (a node) and label (its component's smallest node).
   */
  public static Dataset<Row> smallestReachable(Dataset<Row> edges, String graph) {
    Dataset<Row> labels = edges.groupBy(graph, "a").agg(least(col("a"), min("b")).as("label"))
        .select(col(graph), col("a"), col("label"));
    for (int round = 0; round < MAX_ROUNDS; round++) {
      labels = labels.localCheckpoint();
      Dataset<Row> next = edges.join(labels.withColumnRenamed("a", "b").withColumnRenamed("label", "neighbour"),
              new String[] {graph, "b"})
          .groupBy(graph, "a").agg(min("neighbour").as("neighbour"))
          .join(labels, new String[] {graph, "a"})
          .select(col(graph), col("a"), least(col("label"), col("neighbour")).as("label"),
              when(col("neighbour").lt(col("label")), 1).otherwise(0).as("changed"))
          .localCheckpoint();
      boolean changed = !next.filter(col("changed").equalTo(1)).isEmpty();
      labels = next.drop("changed");
      if (!changed) {
        break;
      }
    }
    return labels;
  }
}
