package org.polycorpus.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.ml.StageTimer;
import org.polycorpus.dedup.NearDuplicates;
import org.polycorpus.output.OutputLocation;
import org.polycorpus.output.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code polycorpus score}: new documents through a finished run's saved models, written as
 * that run's per-document tables (documents, document_terms, document_clusters,
 * document_topics), with cluster ids, map coordinates and topics of the run.
 */
@Command(name = "score", sortOptions = false, abbreviateSynopsis = true, usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    description = "Scores the files under --input with the models a run saved under <run output>/models and "
        + "writes documents, document_terms, document_clusters and document_topics under --output.")
final class ScoreCommand implements Callable<Integer> {
  @Option(names = "--models", required = true, paramLabel = "<run output>", description = "The --output folder "
      + "of a finished run; its models/ are used.")
  String models;

  @Mixin
  IngestOptions ingest = new IngestOptions();

  @Option(names = "--top-terms", defaultValue = "20", description = "Terms per document in document_terms. "
      + "Default: ${DEFAULT-VALUE}")
  int topTerms;

  @Override
  public Integer call() throws Exception {
    ingest.validate();
    IngestOptions.require(topTerms > 0, "--top-terms must be positive, got " + topTerms);
    refuseOverlap(new Configuration());
    SparkSession spark = ingest.startSession();
    try {
      System.out.print(score(spark, PolycorpusMain.newRunId()).summary());
      return 0;
    } finally {
      spark.stop();
    }
  }

  private RunRecord score(SparkSession spark, String runId) throws java.io.IOException {
    long started = System.currentTimeMillis();
    StageTimer timer = new StageTimer();
    SavedModels saved = SavedModels.load(spark, models);
    OutputLocation out = OutputLocation.prepare(ingest.output, ingest.input, runId, ingest.force,
        spark.sparkContext().hadoopConfiguration());
    boolean published = false;
    try {
      Dataset<Row> documents = saved.analyseToWork(Preprocessing.extract(spark, ingest, out, timer), out, timer);
      timer.time("write_documents", () ->
          Writers.write(NearDuplicates.unmarked(documents), Tables.DOCUMENTS, out));
      SavedModels.Scored scored = saved.score(documents, topTerms);
      timer.time("write_tables", () -> {
        if (scored.documentTerms() != null) {
          Writers.write(scored.documentTerms(), Tables.DOCUMENT_TERMS, out);
          Writers.write(scored.documentClusters(), Tables.DOCUMENT_CLUSTERS, out);
          Writers.write(scored.documentTopics(), Tables.DOCUMENT_TOPICS, out);
        }
      });
      Writers.writeMissingTablesEmpty(spark, out, Tables.DOCUMENT_TERMS, Tables.DOCUMENT_CLUSTERS,
          Tables.DOCUMENT_TOPICS, Tables.DUPLICATE_GROUPS, Tables.STORY_LINKS, Tables.STORIES, Tables.CLUSTER_LINKS);
      Map<String, String> parameters = ingest.asParameters();
      parameters.put("models", models);
      parameters.put("top-terms", Integer.toString(topTerms));
      RunRecord record = RunRecord.collect(spark, runId, started, ingest.input, parameters, out, List.of(),
          timer.seconds(), RunRecord.Tallies.countsOnly(spark, out));
      record.write(spark, out);
      out.publish(Preprocessing.WORK);
      published = true;
      return record;
    } finally {
      if (!published) {
        out.abandon();
      }
    }
  }

  /** Publishing the scores must never replace the run whose models are being read. */
  private void refuseOverlap(Configuration conf) throws java.io.IOException {
    Path modelsPath = new Path(models);
    Path outputPath = new Path(ingest.output);
    String modelsDir = modelsPath.getFileSystem(conf).makeQualified(modelsPath) + "/";
    String outputDir = outputPath.getFileSystem(conf).makeQualified(outputPath) + "/";
    if (modelsDir.startsWith(outputDir) || outputDir.startsWith(modelsDir)) {
      throw new IllegalArgumentException("--output " + ingest.output + " must not be the --models run ("
          + models + "), inside it, or contain it");
    }
  }
}
