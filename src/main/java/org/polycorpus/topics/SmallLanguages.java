package org.polycorpus.topics;

import static org.apache.spark.sql.functions.col;
import static org.polycorpus.ml.SqlRound.round;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.mllib.feature.Normalizer;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.polycorpus.Columns;
import org.polycorpus.features.InTaskVocabulary;
import org.polycorpus.features.TfIdfModel;
import org.polycorpus.features.TopTerms;
import org.polycorpus.features.Vocabulary;
import org.polycorpus.ml.SingleTask;
import org.polycorpus.ml.StageTimer;
import org.polycorpus.output.Tables;
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

  /** The rows of one language's per-document tables, computed in its task. */
  record DocumentRows(List<Row> terms, List<Row> clusters, List<Row> topics) implements Serializable {}

  /**
   * Every small language's pipeline and k sweep, and the five tables of all of them; the
   * per-document tables read cached task output: call {@link #release()} once they are written.
   */
  public record Result(Map<String, PipelineModel> pipelines, Map<String, List<KScore>> sweeps,
      Dataset<Row> documentTerms, Dataset<Row> clusters, Dataset<Row> documentClusters, Dataset<Row> topics,
      Dataset<Row> documentTopics, JavaRDD<?> cached) {
    public void release() {
      cached.unpersist(false);
    }
  }

  private SmallLanguages() {}

  /** Whether a language of {@code numDocs} documents is fitted here rather than by {@link LanguageModeler}. */
  public static boolean fitsHere(long numDocs, LanguageModeler.Settings settings) {
    return numDocs <= SingleTask.MAX_ROWS && KSelection.inTask(settings.clusters(), numDocs);
  }

  /**
   * {@code parts}: doc_id, language, tokens, surfaces of the corpus; {@code languages}: the
   * languages to fit with their document counts.
   */
  public static Result fit(Dataset<Row> parts, Map<String, Long> languages, LanguageModeler.Settings settings,
      StageTimer timer) {
    // Largest first: each language is one task, and the longest should not start last.
    List<String> order = new ArrayList<>(languages.keySet());
    order.sort(Comparator.comparing((String language) -> -languages.get(language)).thenComparing(language -> language));
    JavaRDD<Tuple2<Fit, DocumentRows>> fitted = parts.filter(col(Columns.LANGUAGE).isin(order.toArray()))
        .select(Columns.DOC_ID, Columns.LANGUAGE, Columns.TOKENS, Columns.SURFACES).javaRDD()
        .mapToPair(row -> new Tuple2<>(order.indexOf(row.getString(1)), row))
        // Keys are 0..n-1, so each language is a partition of its own. Not groupByKey: its
        // aggregation map estimates its own size as it grows, walking every row many times.
        .partitionBy(new HashPartitioner(order.size()))
        .mapPartitions(pairs -> fitPartition(pairs, order, settings))
        .persist(StorageLevel.MEMORY_AND_DISK());
    SparkSession spark = parts.sparkSession();
    Map<String, PipelineModel> pipelines = new TreeMap<>();
    Map<String, List<KScore>> sweeps = new TreeMap<>();
    List<Row> clusters = new ArrayList<>();
    List<Row> topics = new ArrayList<>();
    for (Fit fit : fitted.map(Tuple2::_1).collect()) {
      for (int s = 0; s < STAGES.length; s++) {
        timer.add(STAGES[s], fit.seconds()[s]);
      }
      Assembled assembled = assemble(fit, settings, spark);
      pipelines.put(fit.language(), assembled.pipeline());
      sweeps.put(fit.language(), assembled.sweep());
      clusters.addAll(assembled.quality().clusterRows());
      topics.addAll(assembled.quality().topicRows());
    }
    int writers = Math.min(order.size(), spark.sparkContext().defaultParallelism());
    return new Result(pipelines, sweeps,
        perDocument(spark, fitted, DocumentRows::terms, Tables.DOCUMENT_TERMS_SCHEMA, writers),
        Quality.clusters(spark, clusters).coalesce(1),
        perDocument(spark, fitted, DocumentRows::clusters, Tables.DOCUMENT_CLUSTERS_SCHEMA, writers),
        Quality.topics(spark, topics).coalesce(1),
        perDocument(spark, fitted, DocumentRows::topics, Tables.DOCUMENT_TOPICS_SCHEMA, writers),
        fitted);
  }

  /**
   * One per-document table of every fitted language, in {@code writers} partitions: a task per
   * core writes it, not a task per language. Each language's rows are one cached partition, so
   * a writer still writes one file per language, and a task per language cost more to launch
   * and commit than its rows cost to write.
   */
  private static Dataset<Row> perDocument(SparkSession spark, JavaRDD<Tuple2<Fit, DocumentRows>> fitted,
      Function<DocumentRows, List<Row>> table, StructType schema, int writers) {
    return spark.createDataFrame(fitted.flatMap(f -> table.call(f._2()).iterator()).coalesce(writers), schema);
  }

  /** A partition holds one language's documents, keyed by the language's index in {@code order}. */
  private static Iterator<Tuple2<Fit, DocumentRows>> fitPartition(Iterator<Tuple2<Integer, Row>> pairs,
      List<String> order, LanguageModeler.Settings settings) {
    if (!pairs.hasNext()) {
      return Collections.emptyIterator();
    }
    Tuple2<Integer, Row> first = pairs.next();
    List<Row> documents = new ArrayList<>(List.of(first._2()));
    pairs.forEachRemaining(pair -> documents.add(pair._2()));
    return List.of(fitWithRows(order.get(first._1()), documents, settings)).iterator();
  }

  private static Tuple2<Fit, DocumentRows> fitWithRows(String language, List<Row> documents,
      LanguageModeler.Settings settings) {
    // The order LanguageModeler's one-task steps see: by doc_id, as Spark sorts strings.
    documents.sort(Comparator.comparing((Row row) -> row.getString(0), InTaskVocabulary.SPARK_ORDER));
    InTask task = new InTask(language, documents, settings);
    Fit fit = task.fit();
    return new Tuple2<>(fit, task.rows(fit));
  }

  /** One language's documents in its task: fitted, then turned into table rows. */
  private static final class InTask {
    private final String language;
    private final List<Row> documents;
    private final LanguageModeler.Settings settings;
    private final ClusterSettings clusters;
    private final List<List<String>> tokens = new ArrayList<>();
    private final List<SparseVector> counts = new ArrayList<>();
    private final List<SparseVector> weights = new ArrayList<>();
    private final List<SparseVector> features = new ArrayList<>();
    private int[] assignment;

    InTask(String language, List<Row> documents, LanguageModeler.Settings settings) {
      this.language = language;
      this.documents = documents;
      this.settings = settings;
      this.clusters = settings.clusters();
    }

    Fit fit() {
      int n = documents.size();
      double[] seconds = new double[STAGES.length];

      long started = System.nanoTime();
      List<List<String>> surfaces = new ArrayList<>(n);
      for (Row document : documents) {
        tokens.add(document.getList(2));
        surfaces.add(document.getList(3));
      }
      Vocabulary vocabulary = InTaskVocabulary.fit(tokens, surfaces, settings.minDocFreq(), settings.vocabSize());
      Normalizer normalizer = new Normalizer(2.0);
      for (Row document : documents) {
        Row vectors = TfIdfModel.vectorize(vocabulary, document.getSeq(2), settings.sublinearTf());
        counts.add(((Vector) vectors.get(0)).toSparse());
        weights.add(((Vector) vectors.get(1)).toSparse());
        features.add(normalizer.transform(Vectors.fromML((Vector) vectors.get(1))).asML().toSparse());
      }
      int dimension = vocabulary.size();
      seconds[0] = elapsed(started);

      started = System.nanoTime();
      int[] ks = KSelection.candidates(clusters, n).stream().mapToInt(Integer::intValue).toArray();
      InTaskKSweep.Result sweep = ks.length == 0 ? null
          : InTaskKSweep.sweep(features, dimension, ks, clusters.seed(), clusters.maxIter());
      assignment = new int[n];
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
      InTaskPca.Fit map = mapTerms == 0 ? null
          : InTaskPca.fit(features.stream().map(vector -> DocumentMap.slice(vector, mapTerms)).toList(), mapTerms);
      seconds[3] = elapsed(started);

      started = System.nanoTime();
      Set<String> topicTerms = Quality.wantedTopicTerms(InTaskLda.local(lda, dimension, topicCount, clusters.seed()),
          vocabulary, clusters);
      InTaskQuality.Result quality = InTaskQuality.measure(tokens, features, assignment, topicTerms,
          clusters.labelTerms(), Quality.coherenceTerms());
      seconds[4] = elapsed(started);
      return new Fit(language, n, vocabulary, sweep, lda, topicCount, map, mapTerms, quality, seconds);
    }

    /** The rows {@link DocumentTables} gives for the fitted pipeline, with the same formulas and rounding. */
    DocumentRows rows(Fit fit) {
      Vector[] centers = fit.sweep() == null || fit.sweep().bestCenters() == null ? new Vector[0]
          : Arrays.stream(InTaskKSweep.predictor(fit.sweep()).clusterCenters())
              .map(org.apache.spark.mllib.linalg.Vector::asML).toArray(Vector[]::new);
      DenseMatrix map = fit.map() == null ? null
          : new DenseMatrix(fit.mapTerms(), 2, fit.map().components()).transpose();
      TopicInference topics = new TopicInference(
          InTaskLda.local(fit.lda(), fit.vocabulary().size(), fit.topicCount(), clusters.seed()));
      List<Row> terms = new ArrayList<>();
      List<Row> clustered = new ArrayList<>();
      List<Row> topicWeights = new ArrayList<>();
      for (int d = 0; d < documents.size(); d++) {
        String docId = documents.get(d).getString(0);
        for (Row term : TopTerms.top(fit.vocabulary(), counts.get(d), weights.get(d), settings.topTerms())) {
          terms.add(RowFactory.create(docId, term.get(0), term.get(1), term.get(2), term.get(3), term.get(4),
              language));
        }
        double similarity = centers.length == 0 ? 1.0
            : DocumentTables.cosine(features.get(d), centers[assignment[d]]);
        double x = 0.0;
        double y = 0.0;
        if (map != null) {
          double[] point = map.multiply(DocumentMap.slice(features.get(d), fit.mapTerms())).toArray();
          // Adding 0.0 turns -0.0 into 0.0, as DocumentTables does.
          x = round(point[0], DocumentTables.MAP_DECIMALS) + 0.0;
          y = round(point[1], DocumentTables.MAP_DECIMALS) + 0.0;
        }
        clustered.add(RowFactory.create(docId, assignment[d], round(similarity, DocumentTables.DECIMALS), x, y,
            language));
        double[] distribution = topics.distribution(counts.get(d));
        for (int t = 0; t < distribution.length; t++) {
          topicWeights.add(RowFactory.create(docId, t, round(distribution[t], DocumentTables.DECIMALS), language));
        }
      }
      return new DocumentRows(terms, clustered, topicWeights);
    }
  }

  private record Assembled(PipelineModel pipeline, List<KScore> sweep, Quality quality) {}

  /** The language's pipeline from its fitted parameters, and its clusters and topics tables. */
  private static Assembled assemble(Fit fit, LanguageModeler.Settings settings, SparkSession spark) {
    ClusterSettings clusters = settings.clusters();
    String language = fit.language();
    TfIdfModel tfidf = LanguageModeler.tfidf(settings).model(fit.vocabulary());
    KSelection.Outcome clustering = KSelection.outcome(language, fit.sweep(), clusters, Columns.FEATURES,
        Columns.CLUSTER_ID);
    int dimension = fit.vocabulary().size();
    LocalLDAModel lda = InTaskLda.model(fit.lda(), dimension, fit.topicCount(), clusters.ldaIterations(),
        LanguageModeler.subsamplingRate(fit.numDocs()), clusters.seed(), Columns.TERM_COUNTS,
        Columns.TOPIC_DISTRIBUTION, spark);
    List<Transformer> stages = new ArrayList<>(List.of(tfidf, LanguageModeler.normalizer(), clustering.model()));
    stages.addAll(DocumentMap.stages(fit.map(), Columns.FEATURES, fit.mapTerms()));
    stages.add(lda);
    PipelineModel pipeline = new PipelineModel("polycorpus_" + language, stages.toArray(Transformer[]::new));
    Quality quality = Quality.of(language, fit.numDocs(), InTaskLda.local(fit.lda(), dimension, fit.topicCount(),
        clusters.seed()), fit.vocabulary(), clusters, fit.quality());
    return new Assembled(pipeline, clustering.sweep(), quality);
  }

  private static double elapsed(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
