package org.polycorpus.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * One language's clusters and topics tables with how good each is: the cluster's size, label,
 * mean silhouette and label coherence; each topic's terms and their coherence (NPMI over the
 * language's documents, {@link Coherence}). Both tables are a few rows, built on the driver
 * from aggregates.
 */
record Quality(Dataset<Row> clusters, Dataset<Row> topics) {
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
    List<Row> topics = lda.describeTopics(settings.topicTerms()).orderBy("topic").collectAsList();
    Map<Integer, List<String>> termSets = new HashMap<>();
    for (Row topic : topics) {
      List<Integer> indices = topic.getList(1);
      termSets.put(topic.getInt(0), indices.stream().limit(COHERENCE_TERMS).map(vocabulary::term).toList());
    }
    Map<Integer, List<String>> labels = new TreeMap<>();
    Map<Integer, Long> sizes = new TreeMap<>();
    Map<Integer, Double> coherence;
    Map<Integer, Double> silhouettes;
    if (numDocs <= SingleTask.MAX_ROWS) {
      InTaskQuality.Result measured = InTaskQuality.measure(scored, Coherence.wanted(termSets),
          settings.labelTerms(), COHERENCE_TERMS);
      labels.putAll(measured.labels());
      sizes.putAll(measured.sizes());
      addLabelSets(termSets, labels);
      coherence = Coherence.fromCounts(termSets, measured.counts(), numDocs);
      silhouettes = measured.silhouettes();
    } else {
      for (Row cluster : scored.groupBy(Columns.CLUSTER_ID).count()
          .join(ClusterLabels.label(scored, settings.labelTerms()), Columns.CLUSTER_ID).collectAsList()) {
        sizes.put(cluster.getInt(0), cluster.getLong(1));
        labels.put(cluster.getInt(0), cluster.getList(2));
      }
      addLabelSets(termSets, labels);
      coherence = Coherence.npmi(scored, Columns.TOKENS, numDocs, termSets);
      silhouettes = ClusterSilhouettes.perCluster(scored, Columns.FEATURES, Columns.CLUSTER_ID);
    }

    List<Row> clusterRows = new ArrayList<>();
    labels.forEach((id, stems) -> clusterRows.add(RowFactory.create(language, id, sizes.get(id),
        stems.stream().map(stem -> word(vocabulary, stem)).toList(), rounded(silhouettes.get(id)),
        rounded(coherence.get(CLUSTER_KEYS + id)))));
    List<Row> topicRows = new ArrayList<>();
    for (Row topic : topics) {
      int id = topic.getInt(0);
      List<Integer> indices = topic.getList(1);
      List<Double> weights = topic.getList(2);
      for (int r = 0; r < indices.size(); r++) {
        int index = indices.get(r);
        topicRows.add(RowFactory.create(language, id, vocabulary.term(index), vocabulary.word(index), r + 1,
            Math.round(weights.get(r) * 1e9) / 1e9, rounded(coherence.get(id))));
      }
    }
    SparkSession spark = scored.sparkSession();
    return new Quality(spark.createDataFrame(clusterRows, CLUSTERS), spark.createDataFrame(topicRows, TOPICS));
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
