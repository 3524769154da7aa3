package org.polycorpus.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.Columns;
import org.polycorpus.ml.ModelData;
import org.polycorpus.output.OutputLocation;
import org.polycorpus.output.Tables;
import org.polycorpus.topics.KScore;

/** What a run did: the {@code runs} table row, the manifest, and the end-of-run summary. */
record RunRecord(
    String runId, long startedAt, long finishedAt, String input, String output, String master, String appId,
    int executors, Map<String, String> parameters, Map<String, String> versions, List<Row> counts,
    Map<String, Double> stageSeconds, List<KScore> sweep, List<Row> quality) {

  /** What the written tables say: documents per language and status, {@link TableTallies#quality} per language. */
  record Tallies(List<Row> counts, List<Row> quality) {
    /** For a run that fitted models. */
    static Tallies withQuality(SparkSession spark, OutputLocation out) {
      return new Tallies(TableTallies.counts(spark, out), TableTallies.quality(spark, out));
    }

    /** For a scoring: it fits no models to judge. */
    static Tallies countsOnly(SparkSession spark, OutputLocation out) {
      return new Tallies(TableTallies.counts(spark, out), List.of());
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
    // One row, on the driver: written without a Spark job.
    ModelData.write(List.of(row), Tables.RUNS_SCHEMA, out.staged(Tables.RUNS), spark);
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
