package org.polycorpus.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.Columns;
import org.polycorpus.output.OutputLocation;
import org.polycorpus.output.Tables;
import org.polycorpus.topics.KScore;

/** What a run did: the {@code runs} table row, the manifest, and the end-of-run summary. */
record RunRecord(
    String runId, long startedAt, long finishedAt, String input, String output, String master, String appId,
    int executors, Map<String, String> parameters, Map<String, String> versions, List<Row> counts,
    Map<String, Double> stageSeconds, List<KScore> sweep, List<Row> quality) {

  /** What the written tables say: documents per language and status, {@link RunRecord#quality} per language. */
  record Tallies(List<Row> counts, List<Row> quality) {
    /** For a run that fitted models. */
    static Tallies withQuality(SparkSession spark, OutputLocation out) {
      return new Tallies(counts(spark, out), RunRecord.quality(spark, out));
    }

    /** For a scoring: it fits no models to judge. */
    static Tallies countsOnly(SparkSession spark, OutputLocation out) {
      return new Tallies(counts(spark, out), List.of());
    }

    /** Aggregates only: one row per (language, status). */
    private static List<Row> counts(SparkSession spark, OutputLocation out) {
      return Writers.readTable(spark, Tables.DOCUMENTS, out).groupBy(Columns.LANGUAGE, Columns.STATUS).count()
          .orderBy(Columns.LANGUAGE, Columns.STATUS).collectAsList();
    }
  }

  static RunRecord collect(SparkSession spark, String runId, long startedAt, String input,
      Map<String, String> parameters, OutputLocation out, List<KScore> sweep, Map<String, Double> stageSeconds,
      Tallies tallies) {
    int executors = Math.max(1, spark.sparkContext().getExecutorMemoryStatus().size() - 1);
    return new RunRecord(runId, startedAt, System.currentTimeMillis(), input, out.output(),
        spark.sparkContext().master(), spark.sparkContext().applicationId(), executors, parameters,
        Versions.all(spark.version()), tallies.counts(), stageSeconds, sweep, tallies.quality());
  }

  /**
   * Per language, from the written tables: mean topic coherence, mean cluster coherence, and
   * the documents left out as near-duplicates. One small row per language.
   */
  private static List<Row> quality(SparkSession spark, OutputLocation out) {
    Dataset<Row> topics = Writers.readTable(spark, Tables.TOPICS, out)
        .select(Columns.LANGUAGE, "topic_id", "coherence").distinct()
        .groupBy(Columns.LANGUAGE).agg(avg("coherence").as("topic_coherence"));
    Dataset<Row> clusters = Writers.readTable(spark, Tables.CLUSTERS, out)
        .groupBy(Columns.LANGUAGE).agg(avg("coherence").as("cluster_coherence"));
    Dataset<Row> copies = Writers.readTable(spark, Tables.DUPLICATE_GROUPS, out).filter("not kept")
        .groupBy(Columns.LANGUAGE).agg(count(lit(1)).as("duplicates"));
    return topics.join(clusters, new String[] {Columns.LANGUAGE}, "full")
        .join(copies, new String[] {Columns.LANGUAGE}, "full").orderBy(Columns.LANGUAGE)
        .select(col(Columns.LANGUAGE), col("topic_coherence"), col("cluster_coherence"), col("duplicates"))
        .collectAsList();
  }

  void write(SparkSession spark, OutputLocation out) throws IOException {
    List<Row> countRows = new ArrayList<>();
    for (Row count : counts) {
      countRows.add(RowFactory.create(count.getString(0), count.getString(1), count.getLong(2)));
    }
    List<Row> sweepRows = new ArrayList<>();
    for (KScore score : sweep) {
      sweepRows.add(RowFactory.create(score.language(), score.k(),
          Double.isNaN(score.silhouette()) ? null : round(score.silhouette()), score.chosen()));
    }
    Row row = RowFactory.create(runId, new Timestamp(startedAt), new Timestamp(finishedAt), input, output, master,
        appId, executors, parameters, versions, countRows, stageSeconds, sweepRows);
    spark.createDataFrame(List.of(row), Tables.RUNS_SCHEMA).coalesce(1).write().parquet(out.staged(Tables.RUNS));
    out.writeStagedFile("manifest.json", manifest());
  }

  private String manifest() throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("producer", "polycorpus");
    manifest.put("run_id", runId);
    manifest.put("started_at", new Timestamp(startedAt).toInstant().toString());
    manifest.put("finished_at", new Timestamp(finishedAt).toInstant().toString());
    manifest.put("input", input);
    manifest.put("master", master);
    manifest.put("app_id", appId);
    Map<String, Object> tables = new LinkedHashMap<>();
    for (String table : Tables.SCHEMAS.keySet()) {
      tables.put(table, Map.of("path", table + "/", "format", "parquet",
          "partitioned_by", Tables.PARTITIONED_BY_LANGUAGE.contains(table) ? List.of(Columns.LANGUAGE) : List.of(),
          "columns", List.of(Tables.columns(table))));
    }
    manifest.put("tables", tables);
    manifest.put("models", "models/<language>/ (Spark ML PipelineModel per language), models/_preprocessing/");
    List<Map<String, Object>> countList = new ArrayList<>();
    for (Row count : counts) {
      countList.add(Map.of("language", count.getString(0), "status", count.getString(1), "documents", count.getLong(2)));
    }
    manifest.put("counts", countList);
    manifest.put("parameters", parameters);
    manifest.put("versions", versions);
    manifest.put("stage_seconds", stageSeconds);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest);
  }

  /** The end-of-run summary printed to the console. */
  String summary() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("%npolycorpus run %s finished in %.1f s%n", runId, (finishedAt - startedAt) / 1000.0));
    text.append(String.format("  master %s, application %s, %d executor(s)%n", master, appId, executors));
    text.append("  documents by language and status:\n");
    for (Row count : counts) {
      text.append(String.format("    %-4s %-12s %6d%n", count.getString(0), count.getString(1), count.getLong(2)));
    }
    text.append("  clusters per language (k chosen by cosine silhouette):\n");
    for (KScore score : sweep) {
      if (score.chosen()) {
        text.append(String.format("    %-4s k=%d  silhouette %s%n", score.language(), score.k(),
            Double.isNaN(score.silhouette()) ? "n/a (too few documents to split)"
                : String.format("%.3f", score.silhouette())));
      }
    }
    if (!quality.isEmpty()) {
      text.append("  quality per language (NPMI coherence, mean over topics and over cluster labels; near-duplicates "
          + "left out):\n");
      for (Row row : quality) {
        text.append(String.format("    %-4s topics %s  clusters %s  duplicates %d%n", row.getString(0),
            format(row, 1), format(row, 2), row.isNullAt(3) ? 0 : row.getLong(3)));
      }
    }
    text.append("  tables written to ").append(output).append('\n');
    return text.toString();
  }

  private static String format(Row row, int field) {
    return row.isNullAt(field) ? "  n/a" : String.format("%+.3f", row.getDouble(field));
  }

  private static double round(double value) {
    return Math.round(value * 1e9) / 1e9;
  }
}
