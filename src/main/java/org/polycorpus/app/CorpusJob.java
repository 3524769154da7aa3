package org.polycorpus.app;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.Columns;
import org.polycorpus.analysis.TextAnalyzer;
import org.polycorpus.clean.BoilerplateRemover;
import org.polycorpus.clean.BoilerplateRemoverModel;
import org.polycorpus.dedup.NearDuplicates;
import org.polycorpus.ingest.DocumentStatus;
import org.polycorpus.language.LanguageDetector;
import org.polycorpus.ml.StageTimer;
import org.polycorpus.output.OutputLocation;
import org.polycorpus.output.Tables;
import org.polycorpus.report.Report;
import org.polycorpus.stories.StoryLinks;
import org.polycorpus.topics.ClusterSettings;
import org.polycorpus.topics.KScore;
import org.polycorpus.topics.LanguageModel;
import org.polycorpus.topics.LanguageModeler;

/**
 * One run: ingest, clean, detect, analyse, then per language TF-IDF, clusters and topics, written
 * to a staging folder and published at the end. Intermediate results are checkpointed as
 * Parquet under the staging folder so no stage parses or analyses a file twice.
 */
public final class CorpusJob {
  static final String REPORT = "report.html";

  private final SparkSession spark;
  private final JobOptions options;
  private final StageTimer timer = new StageTimer();

  public CorpusJob(SparkSession spark, JobOptions options) {
    this.spark = spark;
    this.options = options;
  }

  public RunRecord run(String runId) throws IOException {
    long started = System.currentTimeMillis();
    OutputLocation out = OutputLocation.prepare(options.ingest.output, options.ingest.input, runId, options.ingest.force,
        spark.sparkContext().hadoopConfiguration());
    boolean published = false;
    try {
      List<KScore> sweep = new ArrayList<>();
      Dataset<Row> documents = Preprocessing.extract(spark, options.ingest, out, timer);
      PipelineModel preprocessing = fitPreprocessing(documents);
      Dataset<Row> analysed = Preprocessing.analyseToWork(preprocessing, documents, out, timer);
      Dataset<Row> parts = Preprocessing.partsToWork(analysed, out, timer);
      Dataset<Row> duplicates = timer.time("near_duplicates", () -> writeDuplicateGroups(parts, out));
      timer.time("write_documents", () ->
          Writers.write(NearDuplicates.markDocuments(analysed, duplicates), Tables.DOCUMENTS, out));
      Dataset<Row> modelled = NearDuplicates.keptOnly(parts, duplicates);
      List<Row> languages = modelled.groupBy(Columns.LANGUAGE).count().orderBy(Columns.LANGUAGE).collectAsList();
      timer.time("model_languages", () -> sweep.addAll(modelLanguages(languages, modelled, out)));
      Writers.writeMissingTablesEmpty(spark, out, Tables.DOCUMENT_TERMS, Tables.CLUSTERS,
          Tables.DOCUMENT_CLUSTERS, Tables.TOPICS, Tables.DOCUMENT_TOPICS);
      timer.time("story_links", () -> writeStories(analysed, duplicates, out));
      preprocessing.write().save(out.staged(Tables.MODELS + "/_preprocessing"));
      RunRecord record = RunRecord.collect(spark, runId, started, options.ingest.input, options.asParameters(), out,
          sweep, timer.seconds(), RunRecord.quality(spark, out));
      record.write(spark, out);
      if (options.report) {
        Report.write(spark, out.stagingFolder(), out.staged(REPORT));
      }
      out.publish(Preprocessing.WORK);
      published = true;
      return record;
    } finally {
      // Spark's failures are checked exceptions Java does not see declared: clean up on any.
      if (!published) {
        out.abandon();
      }
    }
  }

  /** Boilerplate lines learned from this corpus, then the fixed detector and analyzer. */
  private PipelineModel fitPreprocessing(Dataset<Row> documents) {
    BoilerplateRemoverModel boilerplate = timer.time("boilerplate", () -> new BoilerplateRemover()
        .setMinDocs(options.boilerplateMinDocs).setMaxLineChars(options.boilerplateMaxLineChars)
        .fit(documents.filter(col(Columns.STATUS).equalTo(DocumentStatus.OK))));
    LanguageDetector detector = new LanguageDetector()
        .setMinConfidence(options.minLanguageConfidence).setMaxChars(options.languageDetectChars)
        .setMinSegmentChars(options.minSegmentChars).setSegmentMinConfidence(options.segmentMinConfidence);
    TextAnalyzer analyzer = new TextAnalyzer().setMinTermLength(options.minTermLength);
    return new PipelineModel("polycorpus_preprocessing", new Transformer[] {boilerplate, detector, analyzer});
  }

  /** Links the modelled documents that tell one story in several languages; aligns clusters. */
  private void writeStories(Dataset<Row> analysed, Dataset<Row> duplicates, OutputLocation out) {
    Dataset<Row> modelled = NearDuplicates.markDocuments(analysed, duplicates)
        .filter(col(Columns.STATUS).equalTo(DocumentStatus.OK).and(col(Columns.DUPLICATE_OF).isNull()))
        .select(Columns.DOC_ID, Columns.LANGUAGE, Columns.BODY);
    StoryLinks.Tables stories = StoryLinks.find(modelled,
        spark.read().parquet(out.staged(Tables.DOCUMENT_CLUSTERS)), options.storyMinScore);
    Writers.write(stories.links().coalesce(1), Tables.STORY_LINKS, out);
    Writers.write(stories.stories().coalesce(1), Tables.STORIES, out);
    Writers.write(stories.clusterLinks().coalesce(1), Tables.CLUSTER_LINKS, out);
  }

  /** Finds near-duplicates and writes the duplicate_groups table; returns it read back. */
  private Dataset<Row> writeDuplicateGroups(Dataset<Row> parts, OutputLocation out) {
    NearDuplicates.Settings settings = new NearDuplicates.Settings(options.duplicateSimilarity, options.shingleWords,
        options.seed);
    Writers.write(NearDuplicates.groups(NearDuplicates.find(parts, settings)).coalesce(1), Tables.DUPLICATE_GROUPS,
        out);
    return spark.read().parquet(out.staged(Tables.DUPLICATE_GROUPS));
  }

  /**
   * Fits the languages concurrently: each language is a chain of small Spark jobs, and a
   * corpus with dozens of languages would otherwise leave executors idle between them. The
   * threads share executors through one FAIR scheduler pool. Results do not depend on the
   * order in which languages finish.
   */
  private List<KScore> modelLanguages(List<Row> languages, Dataset<Row> modelled, OutputLocation out) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.languageThreads,
        languages.size())));
    try {
      List<Future<List<KScore>>> fits = new ArrayList<>();
      for (Row language : languages) {
        fits.add(pool.submit(() -> {
          // A pool per language: the FAIR scheduler shares executors between pools.
          spark.sparkContext().setLocalProperty("spark.scheduler.pool", "polycorpus-" + language.getString(0));
          spark.sparkContext().setJobGroup("polycorpus-" + language.getString(0),
              "fit language " + language.getString(0), false);
          return modelLanguage(language.getString(0), language.getLong(1), modelled, out);
        }));
      }
      List<KScore> sweep = new ArrayList<>();
      for (Future<List<KScore>> fit : fits) {
        sweep.addAll(fit.get());
      }
      return sweep;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting languages", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private List<KScore> modelLanguage(String language, long numDocs, Dataset<Row> modelled, OutputLocation out) {
    Dataset<Row> docs = Preprocessing.modelInput(modelled, language);
    ClusterSettings clusters = new ClusterSettings(options.k, options.kMin, options.kMax, options.clusterAlgorithm,
        20, options.seed, options.labelTerms, options.topics, options.ldaIterations, options.topicTerms);
    LanguageModeler.Settings settings = new LanguageModeler.Settings(clusters, options.vocabSize,
        options.minDocFreq, options.sublinearTf, options.topTerms);
    LanguageModel model = LanguageModeler.fit(language, docs, numDocs, settings, timer);
    try {
      timer.time("write_tables", () -> {
        Writers.writeLanguage(model.documentTerms(), Tables.DOCUMENT_TERMS, language, out);
        Writers.writeLanguage(model.clusters(), Tables.CLUSTERS, language, out);
        Writers.writeLanguage(model.documentClusters(), Tables.DOCUMENT_CLUSTERS, language, out);
        Writers.writeLanguage(model.topics(), Tables.TOPICS, language, out);
        Writers.writeLanguage(model.documentTopics(), Tables.DOCUMENT_TOPICS, language, out);
      });
      timer.time("save_models", () -> {
        try {
          model.pipeline().write().save(out.staged(Tables.MODELS + "/" + language));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } finally {
      model.release();
    }
    return model.sweep();
  }
}
