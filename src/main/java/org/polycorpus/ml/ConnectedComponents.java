package org.polycorpus.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Connected components of a graph of documents, each named by its smallest node. A graph of up
 * to {@link #IN_TASK_EDGES} edges is solved by union-find in one Spark task, its labels staying
 * on the executor; a larger one by label propagation, where every node takes the smallest label
 * among itself and its neighbours until nothing changes, a Spark job or three per round.
 */
public final class ConnectedComponents {
  static final long IN_TASK_EDGES = 5_000_000;
  private static final int MAX_ROUNDS = 50;

  private ConnectedComponents() {}

  /**
   * {@code edges}: columns {@code graph} (components never cross graphs), a and b, each edge in
   * both directions. Returns graph, a (a node) and label (its component's smallest node).
   */
  public static Dataset<Row> smallestReachable(Dataset<Row> edges, String graph) {
    Dataset<Row> input = edges.select(graph, "a", "b").localCheckpoint();
    StructType schema = new StructType().add(input.schema().apply(graph)).add("a", DataTypes.StringType, false)
        .add("label", DataTypes.StringType, false);
    if (SingleTask.count(input) <= IN_TASK_EDGES) {
      return input.coalesce(1).mapPartitions((MapPartitionsFunction<Row, Row>) UnionFind::labels,
          Encoders.row(schema));
    }
    return propagate(input, graph);
  }

  private static Dataset<Row> propagate(Dataset<Row> edges, String graph) {
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
