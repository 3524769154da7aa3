package org.polycorpus.app;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.polycorpus.Columns;
import org.polycorpus.ml.SingleTask;
import org.polycorpus.output.OutputLocation;
import org.polycorpus.output.Tables;

/**
 * A run's tallies, read back from the tables it wrote, each in one Spark job: every partition
 * sends back its sums per language, a few numbers each, and the driver adds them up. As Spark
 * aggregations and joins they ran as a dozen small jobs at the end of every run, each waiting
 * for a core.
 */
final class TableTallies {
  private static final int TOPIC = 0;
  private static final int CLUSTER = 1;
  private static final int COPY = 2;

  private TableTallies() {}

  /** Documents per language and status: (language, status, count) rows in Spark's order of the two. */
  static List<Row> counts(SparkSession spark, OutputLocation out) {
    return SingleTask.countBy(Writers.readTable(spark, Tables.DOCUMENTS, out), Columns.LANGUAGE, Columns.STATUS);
  }

  /**
   * Per language, in Spark's order: the mean coherence of its topics and of its cluster labels,
   * and the documents left out as near-duplicates; null where a table has nothing for it.
   */
  static List<Row> quality(SparkSession spark, OutputLocation out) {
    // Topics repeat their coherence on every term's row: each topic counts once, as a distinct pair.
    Dataset<Row> topics = Writers.readTable(spark, Tables.TOPICS, out)
        .select(col(Columns.LANGUAGE), lit(TOPIC), col("topic_id"), col("coherence"));
    Dataset<Row> clusters = Writers.readTable(spark, Tables.CLUSTERS, out)
        .select(col(Columns.LANGUAGE), lit(CLUSTER), col(Columns.CLUSTER_ID), col("coherence"));
    Dataset<Row> copies = Writers.readTable(spark, Tables.DUPLICATE_GROUPS, out).filter("not kept")
        .select(col(Columns.LANGUAGE), lit(COPY), lit(0), lit(null).cast(DataTypes.DoubleType));
    List<Map<String, LanguageQuality>> partials = topics.union(clusters).union(copies).javaRDD()
        .mapPartitions(rows -> {
          Map<String, LanguageQuality> quality = new HashMap<>();
          rows.forEachRemaining(row -> quality.computeIfAbsent(row.getString(0), language -> new LanguageQuality())
              .add(row.getInt(1), row.getInt(2), row.isNullAt(3) ? null : row.getDouble(3)));
          return List.of(quality).iterator();
        }).collect();
    Map<String, LanguageQuality> quality = new TreeMap<>(SingleTask.SPARK_ORDER_NULLS_FIRST);
    partials.forEach(partial -> partial.forEach((language, part) ->
        quality.computeIfAbsent(language, l -> new LanguageQuality()).merge(part)));
    List<Row> rows = new ArrayList<>();
    quality.forEach((language, q) -> rows.add(RowFactory.create(language, q.topicCoherence(), q.clusterCoherence(),
        q.copies == 0 ? null : q.copies)));
    return rows;
  }

  /** One language's share of the quality tables seen so far. */
  private static final class LanguageQuality implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Distinct (topic_id, coherence) pairs; coherence may be null. */
    private final Set<List<Object>> topics = new HashSet<>();
    private final List<Double> clusterCoherences = new ArrayList<>();
    private long copies;

    void add(int kind, int id, Double coherence) {
      switch (kind) {
        case TOPIC -> topics.add(Arrays.asList(id, coherence));
        case CLUSTER -> clusterCoherences.add(coherence);
        default -> copies++;
      }
    }

    void merge(LanguageQuality other) {
      topics.addAll(other.topics);
      clusterCoherences.addAll(other.clusterCoherences);
      copies += other.copies;
    }

    /** As Spark's avg: nulls skipped, null when there is nothing else; topics in id order. */
    Double topicCoherence() {
      return topics.isEmpty() ? null : mean(topics.stream()
          .sorted(Comparator.comparing((List<Object> topic) -> (Integer) topic.get(0))
              .thenComparing(topic -> (Double) topic.get(1), Comparator.nullsFirst(Comparator.naturalOrder())))
          .map(topic -> (Double) topic.get(1)).toList());
    }

    Double clusterCoherence() {
      return clusterCoherences.isEmpty() ? null : mean(clusterCoherences);
    }

    private static Double mean(List<Double> values) {
      double sum = 0;
      long count = 0;
      for (Double value : values) {
        if (value != null) {
          sum += value;
          count++;
        }
      }
      return count == 0 ? null : sum / count;
    }
  }
}
