package org.polycorpus.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.SparkTestBase;

/** LDA fitted in one task finds the topics Spark's LDA finds, and saves and scores like a model Spark fitted. */
class InTaskLdaTest extends SparkTestBase {
  private static final int VOCABULARY = 12;

  @TempDir
  Path dir;

  /** 20 documents on terms 0-5 and 20 on terms 6-11, with varying counts. */
  private static Dataset<Row> twoThemes() {
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 40; d++) {
      int offset = d < 20 ? 0 : 6;
      int[] indices = {offset, offset + 1 + d % 3, offset + 4, offset + 5};
      double[] counts = {1 + d % 4, 2, 1 + d % 2, 3};
      java.util.Arrays.sort(indices);
      rows.add(RowFactory.create("d" + d, Vectors.sparse(VOCABULARY, indices, counts)));
    }
    return spark.createDataFrame(rows, new StructType().add("doc_id", DataTypes.StringType)
        .add("term_counts", new VectorUDT()));
  }

  private static List<Integer> dominantTopics(LocalLDAModel model, Dataset<Row> documents) {
    List<Integer> dominant = new ArrayList<>();
    for (Row row : model.transform(documents).orderBy("doc_id").collectAsList()) {
      dominant.add(row.<Vector>getAs("topic_distribution").argmax());
    }
    return dominant;
  }

  /** The top words and their weights agree with Spark's own online LDA on the same data. */
  @Test
  void findsTheTopicsSparksLdaFinds() {
    Dataset<Row> documents = twoThemes();
    for (long seed = 1; seed <= 3; seed++) {
      LocalLDAModel ours = InTaskLda.fit(documents, "term_counts", "topic_distribution", VOCABULARY, 2, 30, 1.0, seed);
      LDAModel sparks = new LDA().setK(2).setSeed(seed).setMaxIter(30).setOptimizer("online").setSubsamplingRate(1.0)
          .setFeaturesCol("term_counts").setTopicDistributionCol("topic_distribution").fit(documents);
      assertThat(topics(ours)).containsOnlyKeys(topics(sparks).keySet());
      topics(ours).forEach((terms, weights) -> assertThat(weights)
          .containsExactly(topics(sparks).get(terms), org.assertj.core.data.Offset.offset(0.02)));
    }
  }

  @Test
  void scoresDocumentsByThemeAndSurvivesSaveAndLoad() throws Exception {
    Dataset<Row> documents = twoThemes();
    LocalLDAModel model = InTaskLda.fit(documents, "term_counts", "topic_distribution", VOCABULARY, 2, 30, 1.0, 1);
    Set<Integer> themeA = new HashSet<>();
    Set<Integer> themeB = new HashSet<>();
    for (Row row : model.transform(documents).collectAsList()) {
      int id = Integer.parseInt(row.<String>getAs("doc_id").substring(1));
      (id < 20 ? themeA : themeB).add(row.<Vector>getAs("topic_distribution").argmax());
    }
    assertThat(themeA).hasSize(1);
    assertThat(themeB).hasSize(1).doesNotContainAnyElementsOf(themeA);

    model.write().save(dir.resolve("lda").toString());
    LocalLDAModel loaded = LocalLDAModel.load(dir.resolve("lda").toString());
    assertThat(dominantTopics(loaded, documents)).isEqualTo(dominantTopics(model, documents));
  }

  /** Each topic's three best terms (as a set) and their weights, best first. */
  private static Map<Set<Integer>, double[]> topics(LDAModel model) {
    Map<Set<Integer>, double[]> topics = new HashMap<>();
    for (Row topic : model.describeTopics(3).collectAsList()) {
      List<Integer> terms = topic.getList(1);
      List<Double> weights = topic.getList(2);
      topics.put(new HashSet<>(terms), weights.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return topics;
  }

  @Test
  void isDeterministicForASeed() {
    Dataset<Row> documents = twoThemes();
    LocalLDAModel first = InTaskLda.fit(documents, "term_counts", "topic_distribution", VOCABULARY, 3, 10, 1.0, 7);
    LocalLDAModel second = InTaskLda.fit(documents, "term_counts", "topic_distribution", VOCABULARY, 3, 10, 1.0, 7);
    assertThat(first.topicsMatrix().toArray()).containsExactly(second.topicsMatrix().toArray());
  }

  /** A large batch is inferred in parallel ranges; one thread or several give the same model. */
  @Test
  void threadsDoNotChangeTheFit() throws Exception {
    java.util.Random random = new java.util.Random(3);
    List<org.apache.spark.ml.linalg.SparseVector> counts = new java.util.ArrayList<>();
    for (int d = 0; d < 600; d++) {
      java.util.TreeMap<Integer, Double> terms = new java.util.TreeMap<>();
      for (int i = 0; i < 40; i++) {
        terms.merge((d % 2) * 50 + random.nextInt(60), 1.0, Double::sum);
      }
      counts.add(new org.apache.spark.ml.linalg.SparseVector(120, terms.keySet().stream().mapToInt(x -> x).toArray(),
          terms.values().stream().mapToDouble(x -> x).toArray()));
    }
    java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
    OnlineLda.Fit single = one.submit(() -> OnlineLda.fit(counts, 120, 4, 5, 1.0, 11)).get();
    one.shutdown();
    OnlineLda.Fit parallel = OnlineLda.fit(counts, 120, 4, 5, 1.0, 11);
    assertThat(parallel.lambda()).isDeepEqualTo(single.lambda());
    assertThat(parallel.alpha()).containsExactly(single.alpha());
  }
}
