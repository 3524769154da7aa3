package org.polycorpus.app;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.polycorpus.Columns;
import org.polycorpus.analysis.TextAnalyzer;
import org.polycorpus.clean.BoilerplateRemover;
import org.polycorpus.clean.BoilerplateRemoverModel;
import org.polycorpus.dedup.NearDuplicates;
import org.polycorpus.ingest.DocumentStatus;
import org.polycorpus.language.LanguageDetector;
import org.polycorpus.ml.PipelineFiles;
import org.polycorpus.ml.SingleTask;
import org.polycorpus.ml.StageTimer;
import org.polycorpus.output.OutputLocation;
import org.polycorpus.output.Tables;
import org.polycorpus.report.Report;
import org.polycorpus.stories.StoryLinks;
import org.polycorpus.topics.ClusterSettings;
import org.polycorpus.topics.KScore;
import org.polycorpus.topics.LanguageModel;
import org.polycorpus.topics.LanguageModeler;
import org.polycorpus.topics.SmallLanguages;

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
    BackgroundWork<Optional<StoryLinks.ReadAhead>> evidence = null;
    BackgroundWork<RunRecord.Tallies> tallies = null;
    try {
      List<KScore> sweep = new ArrayList<>();
      Dataset<Row> documents = Preprocessing.extract(spark, options.ingest, out, timer);
      PipelineModel preprocessing = fitPreprocessing(documents);
      Dataset<Row> analysed = Preprocessing.analyseToWork(preprocessing, documents, duplicateSettings(), out, timer);
      Dataset<Row> duplicates = timer.time("near_duplicates", () ->
          writeDuplicateGroups(Preprocessing.signed(analysed), out));
      Dataset<Row> parts = Preprocessing.parts(analysed);
      // Story evidence (names transliterated) needs only the modelled documents: it is read in
      // a background job while the languages are fitted, whose many small jobs leave cores idle.
      Dataset<Row> linkable = modelledDocuments(analysed, duplicates);
      evidence = new BackgroundWork<>(spark, "story-evidence",
          () -> timer.time("story_evidence", () -> StoryLinks.readAhead(linkable)));
      timer.time("write_documents", () ->
          Writers.write(NearDuplicates.markDocuments(analysed, duplicates), Tables.DOCUMENTS, out));
      // The parts without copies, cached (executors' storage memory, spilling to disk): counting
      // their languages fills the cache, and the one job fitting every small language reads it.
      // Writing and decoding them as Parquet cost more. Only languages too large for one task
      // read them checkpointed by language (modelLanguages).
      Dataset<Row> modelled = NearDuplicates.keptOnly(parts, duplicates).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        List<Row> languages = timer.time("modelled_parts", () -> SingleTask.countBy(modelled, Columns.LANGUAGE));
        timer.time("model_languages", () -> sweep.addAll(modelLanguages(languages, modelled, out)));
      } finally {
        modelled.unpersist(false);
      }
      Writers.writeMissingTablesEmpty(spark, out, Tables.DOCUMENT_TERMS, Tables.CLUSTERS,
          Tables.DOCUMENT_CLUSTERS, Tables.TOPICS, Tables.DOCUMENT_TOPICS);
      // Counts and quality read tables already written, in small jobs run while the stories are found.
      tallies = new BackgroundWork<>(spark, "run-tallies", () -> RunRecord.Tallies.withQuality(spark, out));
      Optional<StoryLinks.ReadAhead> readAhead = evidence.get();
      timer.time("story_links", () -> writeStories(linkable, readAhead, out));
      PipelineFiles.save(preprocessing, out.staged(Tables.MODELS + "/_preprocessing"), spark);
      RunRecord record = RunRecord.collect(spark, runId, started, options.ingest.input, options.asParameters(), out,
          sweep, timer.seconds(), tallies.get());
      record.write(spark, out);
      if (options.report) {
        Report.write(spark, out.stagingFolder(), out.staged(REPORT));
      }
      out.publish(Preprocessing.WORK);
      published = true;
      return record;
    } finally {
      if (evidence != null) {
        evidence.close(readAhead -> readAhead.ifPresent(StoryLinks.ReadAhead::release));
      }
      if (tallies != null) {
        tallies.close(read -> { });
      }
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

  /** doc_id, language, body of the documents the languages are modelled on (no copies, no failures). */
  private static Dataset<Row> modelledDocuments(Dataset<Row> analysed, Dataset<Row> duplicates) {
    return NearDuplicates.markDocuments(analysed, duplicates)
        .filter(col(Columns.STATUS).equalTo(DocumentStatus.OK).and(col(Columns.DUPLICATE_OF).isNull()))
        .select(Columns.DOC_ID, Columns.LANGUAGE, Columns.BODY);
  }

  /**
   * Links the modelled documents that tell one story in several languages; aligns clusters. Their
   * evidence read ahead, when there is some, is released with the tables.
   */
  private void writeStories(Dataset<Row> modelled, Optional<StoryLinks.ReadAhead> evidence, OutputLocation out) {
    Dataset<Row> clusters = Writers.readTable(spark, Tables.DOCUMENT_CLUSTERS, out);
    StoryLinks.Tables stories = evidence.isPresent()
        ? StoryLinks.find(evidence.get(), clusters, options.storyMinScore)
        : StoryLinks.find(modelled, clusters, options.storyMinScore);
    try {
      Writers.write(stories.links().coalesce(1), Tables.STORY_LINKS, out);
      Writers.write(stories.stories().coalesce(1), Tables.STORIES, out);
      Writers.write(stories.clusterLinks().coalesce(1), Tables.CLUSTER_LINKS, out);
    } finally {
      stories.release();
    }
  }

  private NearDuplicates.Settings duplicateSettings() {
    return new NearDuplicates.Settings(options.duplicateSimilarity, options.shingleWords, options.seed);
  }

  /** Finds near-duplicates among the signed parts, writes the duplicate_groups table; returns it read back. */
  private Dataset<Row> writeDuplicateGroups(Dataset<Row> signed, OutputLocation out) {
    Writers.write(NearDuplicates.groups(NearDuplicates.findSigned(signed, duplicateSettings())).coalesce(1),
        Tables.DUPLICATE_GROUPS, out);
    return Writers.readTable(spark, Tables.DUPLICATE_GROUPS, out);
  }

  /**
   * Fits the languages: the small ones together in one Spark job ({@link SmallLanguages}), then
   * the large ones concurrently, each a chain of Spark jobs. Results do not depend on the order
   * in which languages finish.
   */
  private List<KScore> modelLanguages(List<Row> languages, Dataset<Row> modelled, OutputLocation out) {
    LanguageModeler.Settings settings = settings();
    Map<String, Long> small = new LinkedHashMap<>();
    Map<String, Long> large = new LinkedHashMap<>();
    for (Row language : languages) {
      (SmallLanguages.fitsHere(language.getLong(1), settings) ? small : large).put(language.getString(0),
          language.getLong(1));
    }
    Map<String, List<KScore>> sweeps = new HashMap<>();
    if (!small.isEmpty()) {
      SmallLanguages.Result fitted = timer.time("fit_small_languages", () ->
          SmallLanguages.fit(modelled, small, settings, timer));
      try {
        // Table writes and model saves are independent chains of small jobs: run them side by side.
        Map<String, Runnable> outputs = new LinkedHashMap<>();
        outputs.put(Tables.DOCUMENT_TERMS, () -> write(fitted.documentTerms(), Tables.DOCUMENT_TERMS, out));
        outputs.put(Tables.CLUSTERS, () -> write(fitted.clusters(), Tables.CLUSTERS, out));
        outputs.put(Tables.DOCUMENT_CLUSTERS, () -> write(fitted.documentClusters(), Tables.DOCUMENT_CLUSTERS, out));
        outputs.put(Tables.TOPICS, () -> write(fitted.topics(), Tables.TOPICS, out));
        outputs.put(Tables.DOCUMENT_TOPICS, () -> write(fitted.documentTopics(), Tables.DOCUMENT_TOPICS, out));
        fitted.pipelines().forEach((language, pipeline) ->
            outputs.put(Tables.MODELS + "/" + language, () -> save(language, pipeline, out)));
        timer.time("write_outputs", () -> concurrently(List.copyOf(outputs.keySet()), output -> {
          outputs.get(output).run();
          return output;
        }));
      } finally {
        fitted.release();
      }
      sweeps.putAll(fitted.sweeps());
    }
    if (!large.isEmpty()) {
      // Each large language is a chain of Spark jobs reading its parts: a folder of its own.
      // The small languages are done, so the cache can go before those jobs need the memory.
      Dataset<Row> byLanguage = Preprocessing.modelledToWork(modelled, out, timer);
      modelled.unpersist(false);
      sweeps.putAll(concurrently(List.copyOf(large.keySet()),
          language -> modelLanguage(language, large.get(language), byLanguage, settings, out)));
    }
    List<KScore> sweep = new ArrayList<>();
    languages.forEach(language -> sweep.addAll(sweeps.get(language.getString(0))));
    return sweep;
  }

  /** One table of every small language, written at once: a job per table, not per language. */
  private void write(Dataset<Row> rows, String table, OutputLocation out) {
    timer.time("write_tables", () -> Writers.write(rows, table, out));
  }

  /**
   * Runs the work of each language (or output) on its own thread: each is a chain of small
   * Spark jobs, and dozens of them in a row would leave executors idle between them. The
   * threads share executors through one FAIR scheduler pool each.
   */
  private <T> Map<String, T> concurrently(List<String> languages, Function<String, T> work) {
    Map<String, T> results = new HashMap<>();
    if (languages.isEmpty()) {
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.languageThreads,
        languages.size())));
    try {
      Map<String, Future<T>> running = new LinkedHashMap<>();
      for (String language : languages) {
        running.put(language, pool.submit(() -> {
          spark.sparkContext().setLocalProperty("spark.scheduler.pool", "polycorpus-" + language);
          spark.sparkContext().setJobGroup("polycorpus-" + language, "language " + language, false);
          return work.apply(language);
        }));
      }
      for (Map.Entry<String, Future<T>> entry : running.entrySet()) {
        results.put(entry.getKey(), entry.getValue().get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting languages", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private LanguageModeler.Settings settings() {
    ClusterSettings clusters = new ClusterSettings(options.k, options.kMin, options.kMax, options.clusterAlgorithm,
        20, options.seed, options.labelTerms, options.topics, options.ldaIterations, options.topicTerms);
    return new LanguageModeler.Settings(clusters, options.vocabSize, options.minDocFreq, options.sublinearTf,
        options.topTerms);
  }

  private List<KScore> modelLanguage(String language, long numDocs, Dataset<Row> modelled,
      LanguageModeler.Settings settings, OutputLocation out) {
    Dataset<Row> docs = Preprocessing.modelInput(modelled, language);
    LanguageModel model = LanguageModeler.fit(language, docs, numDocs, settings, timer);
    try {
      timer.time("write_tables", () -> {
        Writers.writeLanguage(model.documentTerms(), Tables.DOCUMENT_TERMS, language, out);
        Writers.writeLanguage(model.clusters(), Tables.CLUSTERS, language, out);
        Writers.writeLanguage(model.documentClusters(), Tables.DOCUMENT_CLUSTERS, language, out);
        Writers.writeLanguage(model.topics(), Tables.TOPICS, language, out);
        Writers.writeLanguage(model.documentTopics(), Tables.DOCUMENT_TOPICS, language, out);
      });
      save(language, model.pipeline(), out);
    } finally {
      model.release();
    }
    return model.sweep();
  }

  private void save(String language, PipelineModel pipeline, OutputLocation out) {
    timer.time("save_models", () -> {
      try {
        PipelineFiles.save(pipeline, out.staged(Tables.MODELS + "/" + language), spark);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
