package org.polycorpus.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.Columns;
import org.polycorpus.features.Vocabulary;
import org.polycorpus.ml.SingleTask;
import scala.Tuple2;

/**
 * One language's rows of the clusters and topics tables, with how good each is: the cluster's
 * size, label, mean silhouette and label coherence; each topic's terms and their coherence
 * (NPMI over the language's documents, {@link Coherence}). A few rows each, built on the driver
 * from aggregates; the small languages' rows make one table for all of them.
 */
record Quality(List<Row> clusterRows, List<Row> topicRows) {
  /** Term-set keys for {@link Coherence}: topics keep their id, clusters are offset by this. */
  private static final int CLUSTER_KEYS = 1_000_000;
  private static final int COHERENCE_TERMS = 10;

  private static final StructType CLUSTERS = new StructType()
      .add(Columns.LANGUAGE, DataTypes.StringType, false)
      .add(Columns.CLUSTER_ID, DataTypes.IntegerType, false)
      .add("size", DataTypes.LongType, false)
      .add("label_terms", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("silhouette", DataTypes.DoubleType, true)
      .add("coherence", DataTypes.DoubleType, true);
  private static final StructType TOPICS = new StructType()
      .add(Columns.LANGUAGE, DataTypes.StringType, false)
      .add("topic_id", DataTypes.IntegerType, false)
      .add("term", DataTypes.StringType, false)
      .add("word", DataTypes.StringType, false)
      .add("rank", DataTypes.IntegerType, false)
      .add("weight", DataTypes.DoubleType, false)
      .add("coherence", DataTypes.DoubleType, true);

  /** {@code scored}: the language's documents with tokens, features and cluster_id. */
  static Quality measure(String language, Dataset<Row> scored, long numDocs, LDAModel lda, Vocabulary vocabulary,
      ClusterSettings settings) {
    List<Topic> topics = describe(lda, settings);
    Map<Integer, List<String>> termSets = topicTermSets(topics, vocabulary);
    if (numDocs <= SingleTask.MAX_ROWS) {
      InTaskQuality.Result measured = InTaskQuality.measure(scored, Coherence.wanted(termSets),
          settings.labelTerms(), COHERENCE_TERMS);
      return of(language, topics, termSets, numDocs, vocabulary, measured);
    }
    Map<Integer, List<String>> labels = new TreeMap<>();
    Map<Integer, Long> sizes = new TreeMap<>();
    for (Row cluster : scored.groupBy(Columns.CLUSTER_ID).count()
        .join(ClusterLabels.label(scored, settings.labelTerms()), Columns.CLUSTER_ID).collectAsList()) {
      sizes.put(cluster.getInt(0), cluster.getLong(1));
      labels.put(cluster.getInt(0), cluster.getList(2));
    }
    addLabelSets(termSets, labels);
    Map<Integer, Double> coherence = Coherence.npmi(scored, Columns.TOKENS, numDocs, termSets);
    Map<Integer, Double> silhouettes = ClusterSilhouettes.perCluster(scored, Columns.FEATURES, Columns.CLUSTER_ID);
    return build(language, topics, labels, sizes, silhouettes, coherence, vocabulary);
  }

  /** The tables from measures taken in a task ({@link InTaskQuality}); {@code lda} is the fitted model's local form. */
  static Quality of(String language, long numDocs, org.apache.spark.mllib.clustering.LocalLDAModel lda,
      Vocabulary vocabulary, ClusterSettings settings, InTaskQuality.Result measured) {
    List<Topic> topics = describe(lda, settings);
    return of(language, topics, topicTermSets(topics, vocabulary), numDocs, vocabulary, measured);
  }

  private static Quality of(String language, List<Topic> topics, Map<Integer, List<String>> termSets, long numDocs,
      Vocabulary vocabulary, InTaskQuality.Result measured) {
    Map<Integer, List<String>> labels = new TreeMap<>(measured.labels());
    addLabelSets(termSets, labels);
    return build(language, topics, labels, new TreeMap<>(measured.sizes()), measured.silhouettes(),
        Coherence.fromCounts(termSets, measured.counts(), numDocs), vocabulary);
  }

  /** The terms whose co-occurrence coherence needs, of a topic model held in a task: what {@link #of} will ask. */
  static Set<String> wantedTopicTerms(org.apache.spark.mllib.clustering.LocalLDAModel lda, Vocabulary vocabulary,
      ClusterSettings settings) {
    return Coherence.wanted(topicTermSets(describe(lda, settings), vocabulary));
  }

  static int coherenceTerms() {
    return COHERENCE_TERMS;
  }

  /** A topic's strongest terms (vocabulary indices) and their weights, as describeTopics gives them. */
  private record Topic(int id, List<Integer> indices, List<Double> weights) {}

  private static List<Topic> describe(LDAModel lda, ClusterSettings settings) {
    return lda.describeTopics(settings.topicTerms()).orderBy("topic").collectAsList().stream()
        .map(row -> new Topic(row.getInt(0), row.<Integer>getList(1), row.<Double>getList(2))).toList();
  }

  /** The same topics from a local model, without a Spark job. */
  private static List<Topic> describe(org.apache.spark.mllib.clustering.LocalLDAModel lda, ClusterSettings settings) {
    Tuple2<int[], double[]>[] described = lda.describeTopics(settings.topicTerms());
    List<Topic> topics = new ArrayList<>();
    for (int t = 0; t < described.length; t++) {
      topics.add(new Topic(t, Arrays.stream(described[t]._1()).boxed().toList(),
          Arrays.stream(described[t]._2()).boxed().toList()));
    }
    return topics;
  }

  private static Map<Integer, List<String>> topicTermSets(List<Topic> topics, Vocabulary vocabulary) {
    Map<Integer, List<String>> termSets = new HashMap<>();
    for (Topic topic : topics) {
      termSets.put(topic.id(), topic.indices().stream().limit(COHERENCE_TERMS).map(vocabulary::term).toList());
    }
    return termSets;
  }

  private static Quality build(String language, List<Topic> topics, Map<Integer, List<String>> labels,
      Map<Integer, Long> sizes, Map<Integer, Double> silhouettes, Map<Integer, Double> coherence,
      Vocabulary vocabulary) {
    List<Row> clusterRows = new ArrayList<>();
    labels.forEach((id, stems) -> clusterRows.add(RowFactory.create(language, id, sizes.get(id),
        stems.stream().map(stem -> word(vocabulary, stem)).toList(), rounded(silhouettes.get(id)),
        rounded(coherence.get(CLUSTER_KEYS + id)))));
    List<Row> topicRows = new ArrayList<>();
    for (Topic topic : topics) {
      int id = topic.id();
      List<Integer> indices = topic.indices();
      List<Double> weights = topic.weights();
      for (int r = 0; r < indices.size(); r++) {
        int index = indices.get(r);
        topicRows.add(RowFactory.create(language, id, vocabulary.term(index), vocabulary.word(index), r + 1,
            Math.round(weights.get(r) * 1e9) / 1e9, rounded(coherence.get(id))));
      }
    }
    return new Quality(clusterRows, topicRows);
  }

  /** The clusters table of these rows: one local relation, however many languages they hold. */
  static Dataset<Row> clusters(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, CLUSTERS);
  }

  /** The topics table of these rows. */
  static Dataset<Row> topics(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, TOPICS);
  }

  private static void addLabelSets(Map<Integer, List<String>> termSets, Map<Integer, List<String>> labels) {
    labels.forEach((id, stems) -> termSets.put(CLUSTER_KEYS + id, stems.stream().limit(COHERENCE_TERMS).toList()));
  }

  /** The word a stem is shown as, as document_terms and topics show it. */
  private static String word(Vocabulary vocabulary, String stem) {
    int index = vocabulary.indexOf(stem);
    return index < 0 ? stem : vocabulary.word(index);
  }

  /** Null for an undefined value (one cluster, a one-term set), else 9 decimals. */
  private static Double rounded(Double value) {
    return value == null || value.isNaN() ? null : Math.round(value * 1e9) / 1e9;
  }
}
