package org.polycorpus.topics;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.mllib.feature.Normalizer;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.polycorpus.Columns;
import org.polycorpus.features.InTaskVocabulary;
import org.polycorpus.features.TfIdfModel;
import org.polycorpus.features.Vocabulary;
import org.polycorpus.ml.SingleTask;
import org.polycorpus.ml.StageTimer;
import scala.Tuple2;

/**
 * Fits every small language in one Spark job, one task per language: vocabulary, vectors, the k
 * sweep, LDA, the document map and the quality measures are computed in the task from the
 * language's documents, with the same code and results as {@link LanguageModeler}'s one-task
 * steps. Only model parameters and aggregates return to the driver, which assembles each
 * language's pipeline and tables. Fitted one by one, a language costs some thirty Spark jobs
 * however few its documents; a corpus of dozens of languages spent most of its time on them.
 */
public final class SmallLanguages {
  /** The stages timed in each task, summed over languages as {@link StageTimer} sums them. */
  private static final String[] STAGES = {"tfidf", "clustering", "lda", "document_map", "quality"};

  /** One language's fitted parameters; {@code sweep} is null when the language cannot be split, {@code map} without a map. */
  record Fit(String language, long numDocs, Vocabulary vocabulary, InTaskKSweep.Result sweep, OnlineLda.Fit lda,
      int topicCount, InTaskPca.Fit map, int mapTerms, InTaskQuality.Result quality, double[] seconds)
      implements Serializable {}

  private SmallLanguages() {}

  /** Whether a language of {@code numDocs} documents is fitted here rather than by {@link LanguageModeler}. */
  public static boolean fitsHere(long numDocs, LanguageModeler.Settings settings) {
    return numDocs <= SingleTask.MAX_ROWS && KSelection.inTask(settings.clusters(), numDocs);
  }

  /**
   * {@code parts}: doc_id, language, tokens, surfaces of the corpus; {@code languages}: the
   * languages to fit with their document counts. Returns the models in the order given.
   */
  public static List<LanguageModel> fit(Dataset<Row> parts, Map<String, Long> languages,
      LanguageModeler.Settings settings, StageTimer timer) {
    // Largest first: each language is one task, and the longest should not start last.
    List<String> order = new ArrayList<>(languages.keySet());
    order.sort(Comparator.comparing((String language) -> -languages.get(language)).thenComparing(language -> language));
    List<Fit> fits = parts.filter(col(Columns.LANGUAGE).isin(order.toArray()))
        .select(Columns.DOC_ID, Columns.LANGUAGE, Columns.TOKENS, Columns.SURFACES).javaRDD()
        .mapToPair(row -> new Tuple2<>(order.indexOf(row.getString(1)), row))
        // Keys are 0..n-1, so each language is a partition of its own.
        .groupByKey(new HashPartitioner(order.size()))
        .map(group -> fit(order.get(group._1()), group._2(), settings))
        .collect();
    Map<String, Fit> byLanguage = new LinkedHashMap<>();
    for (Fit fit : fits) {
      byLanguage.put(fit.language(), fit);
      for (int s = 0; s < STAGES.length; s++) {
        timer.add(STAGES[s], fit.seconds()[s]);
      }
    }
    List<LanguageModel> models = new ArrayList<>();
    for (String language : languages.keySet()) {
      models.add(assemble(byLanguage.get(language), parts, settings));
    }
    return models;
  }

  private static Fit fit(String language, Iterable<Row> rows, LanguageModeler.Settings settings) {
    ClusterSettings clusters = settings.clusters();
    List<Row> documents = new ArrayList<>();
    rows.forEach(documents::add);
    // The order LanguageModeler's one-task steps see: by doc_id, as Spark sorts strings.
    documents.sort(Comparator.comparing((Row row) -> row.getString(0), InTaskVocabulary.SPARK_ORDER));
    int n = documents.size();
    double[] seconds = new double[STAGES.length];

    long started = System.nanoTime();
    List<List<String>> tokens = new ArrayList<>(n);
    List<List<String>> surfaces = new ArrayList<>(n);
    for (Row document : documents) {
      tokens.add(document.getList(2));
      surfaces.add(document.getList(3));
    }
    Vocabulary vocabulary = InTaskVocabulary.fit(tokens, surfaces, settings.minDocFreq(), settings.vocabSize());
    List<SparseVector> counts = new ArrayList<>(n);
    List<SparseVector> features = new ArrayList<>(n);
    Normalizer normalizer = new Normalizer(2.0);
    for (Row document : documents) {
      Row vectors = TfIdfModel.vectorize(vocabulary, document.getSeq(2), settings.sublinearTf());
      counts.add(((Vector) vectors.get(0)).toSparse());
      features.add(normalizer.transform(Vectors.fromML((Vector) vectors.get(1))).asML().toSparse());
    }
    int dimension = vocabulary.size();
    seconds[0] = elapsed(started);

    started = System.nanoTime();
    int[] ks = KSelection.candidates(clusters, n).stream().mapToInt(Integer::intValue).toArray();
    InTaskKSweep.Result sweep = ks.length == 0 ? null
        : InTaskKSweep.sweep(features, dimension, ks, clusters.seed(), clusters.maxIter());
    int[] assignment = new int[n];
    if (sweep != null && sweep.bestCenters() != null) {
      // Spark's KMeansModel assigns with this local model: clusters here equal those of the saved pipeline.
      var predictor = InTaskKSweep.predictor(sweep);
      for (int d = 0; d < n; d++) {
        assignment[d] = predictor.predict(Vectors.fromML(features.get(d)));
      }
    }
    seconds[1] = elapsed(started);

    started = System.nanoTime();
    int topicCount = LanguageModeler.topicCount(clusters, n);
    OnlineLda.Fit lda = OnlineLda.fit(counts, dimension, topicCount, clusters.ldaIterations(),
        LanguageModeler.subsamplingRate(n), clusters.seed());
    seconds[2] = elapsed(started);

    started = System.nanoTime();
    int mapTerms = DocumentMap.terms(dimension, n);
    InTaskPca.Fit map = null;
    if (mapTerms > 0) {
      List<SparseVector> sliced = features.stream().map(vector -> DocumentMap.slice(vector, mapTerms)).toList();
      map = InTaskPca.fit(sliced, mapTerms);
    }
    seconds[3] = elapsed(started);

    started = System.nanoTime();
    Set<String> topicTerms = Quality.wantedTopicTerms(InTaskLda.local(lda, dimension, topicCount, clusters.seed()),
        vocabulary, clusters);
    InTaskQuality.Result quality = InTaskQuality.measure(tokens, features, assignment, topicTerms,
        clusters.labelTerms(), Quality.coherenceTerms());
    seconds[4] = elapsed(started);
    return new Fit(language, n, vocabulary, sweep, lda, topicCount, map, mapTerms, quality, seconds);
  }

  /** The language's pipeline from its fitted parameters, and its tables over its documents. */
  private static LanguageModel assemble(Fit fit, Dataset<Row> parts, LanguageModeler.Settings settings) {
    ClusterSettings clusters = settings.clusters();
    String language = fit.language();
    TfIdfModel tfidf = LanguageModeler.tfidf(settings).model(fit.vocabulary());
    KSelection.Outcome clustering = KSelection.outcome(language, fit.sweep(), clusters, Columns.FEATURES,
        Columns.CLUSTER_ID);
    int dimension = fit.vocabulary().size();
    LocalLDAModel lda = InTaskLda.model(fit.lda(), dimension, fit.topicCount(), clusters.ldaIterations(),
        LanguageModeler.subsamplingRate(fit.numDocs()), clusters.seed(), Columns.TERM_COUNTS,
        Columns.TOPIC_DISTRIBUTION, parts.sparkSession());
    List<Transformer> stages = new ArrayList<>(List.of(tfidf, LanguageModeler.normalizer(), clustering.model()));
    stages.addAll(DocumentMap.stages(fit.map(), Columns.FEATURES, fit.mapTerms()));
    stages.add(lda);
    PipelineModel pipeline = new PipelineModel("polycorpus_" + language, stages.toArray(Transformer[]::new));
    Dataset<Row> documents = parts.filter(col(Columns.LANGUAGE).equalTo(language))
        .select(Columns.DOC_ID, Columns.LANGUAGE, Columns.TOKENS, Columns.SURFACES);
    DocumentTables tables = new DocumentTables(pipeline, pipeline.transform(documents));
    Quality quality = Quality.of(language, fit.numDocs(),
        InTaskLda.local(fit.lda(), dimension, fit.topicCount(), clusters.seed()), fit.vocabulary(), clusters,
        fit.quality(), parts.sparkSession());
    return new LanguageModel(language, fit.numDocs(), pipeline, clustering.k(), clustering.silhouette(),
        clustering.sweep(), tables.documentTerms(settings.topTerms()), quality.clusters(),
        tables.documentClusters(), quality.topics(), tables.documentTopics(), List.of());
  }

  private static double elapsed(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
