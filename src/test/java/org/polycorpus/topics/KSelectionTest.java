package org.polycorpus.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.polycorpus.SparkTestBase;
import org.polycorpus.features.TfIdf;

class KSelectionTest extends SparkTestBase {
  private static final StructType SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType)
      .add("tokens", DataTypes.createArrayType(DataTypes.StringType, false));
  private static final String[][] THEMES = {
    {"goal", "match", "league", "striker", "coach"},
    {"rain", "storm", "forecast", "wind", "cloud"},
    {"bank", "market", "shares", "inflation", "bond"},
  };
  private static final ClusterSettings AUTO = new ClusterSettings(0, 2, 8, "kmeans", 20, 42, 10, 2, 10, 10);

  /** {@code perTheme} documents for each theme, each with four of its five words. */
  private static Dataset<Row> features(int themes, int perTheme) {
    List<Object[]> docs = new ArrayList<>();
    for (int t = 0; t < themes; t++) {
      for (int d = 0; d < perTheme; d++) {
        List<String> tokens = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
          if (w != d % 5) {
            tokens.add(THEMES[t][w]);
          }
        }
        docs.add(new Object[] {t + "-" + d, tokens});
      }
    }
    Dataset<Row> rows = rows(SCHEMA, docs.toArray(new Object[0][]));
    Dataset<Row> vectors = new TfIdf().fit(rows).transform(rows);
    return new Normalizer().setInputCol("tfidf").setOutputCol("features").transform(vectors).cache();
  }

  @Test
  void choosesTheNumberOfThemesBySilhouette() {
    KSelection.Outcome outcome = KSelection.select("en", features(3, 5), 15, AUTO, "features", "cluster_id");
    assertThat(outcome.k()).isEqualTo(3);
    assertThat(outcome.silhouette()).isGreaterThan(0.5);
    assertThat(outcome.sweep()).extracting(KScore::k).containsExactly(2, 3, 4, 5, 6, 7, 8);
    assertThat(outcome.sweep()).filteredOn(KScore::chosen).extracting(KScore::k).containsExactly(3);
    assertThat(outcome.centers()).hasSize(3);
  }

  /** The in-task sweep's model scores new data with Spark, and Spark's evaluator agrees with its silhouette. */
  @Test
  void inTaskSilhouetteIsSparksSilhouette() {
    Dataset<Row> features = features(3, 5);
    KSelection.Outcome outcome = KSelection.select("en", features, 15, AUTO, "features", "cluster_id");
    assertThat(outcome.model()).isInstanceOf(org.apache.spark.ml.clustering.KMeansModel.class);
    double spark = new org.apache.spark.ml.evaluation.ClusteringEvaluator().setDistanceMeasure("cosine")
        .setFeaturesCol("features").setPredictionCol("cluster_id").evaluate(outcome.model().transform(features));
    assertThat(outcome.silhouette()).isCloseTo(spark, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void perClusterSilhouettesAverageToSparksSilhouette() {
    Dataset<Row> features = features(3, 5);
    KSelection.Outcome outcome = KSelection.select("en", features, 15, AUTO, "features", "cluster_id");
    Dataset<Row> clustered = outcome.model().transform(features);
    double spark = new org.apache.spark.ml.evaluation.ClusteringEvaluator().setDistanceMeasure("cosine")
        .setFeaturesCol("features").setPredictionCol("cluster_id").evaluate(clustered);
    java.util.Map<Integer, Double> perCluster = ClusterSilhouettes.perCluster(clustered, "features", "cluster_id");
    double weighted = 0;
    for (Row size : clustered.groupBy("cluster_id").count().collectAsList()) {
      weighted += perCluster.get(size.getInt(0)) * size.getLong(1);
    }
    assertThat(perCluster).hasSize(outcome.k());
    assertThat(weighted / 15).isCloseTo(spark, org.assertj.core.data.Offset.offset(1e-9));

    // The one-task pass gives the same labels, silhouettes and coherence as the Spark jobs.
    java.util.Map<Integer, List<String>> sets = java.util.Map.of(0, List.of("goal", "match", "rain"),
        1, List.of("storm", "wind", "cloud", "bank"));
    InTaskQuality.Result inTask = InTaskQuality.measure(clustered, Coherence.wanted(sets), 3, 3);
    java.util.Map<Integer, List<String>> labels = new java.util.TreeMap<>();
    for (Row label : ClusterLabels.label(clustered, 3).collectAsList()) {
      labels.put(label.getInt(0), label.getList(1));
    }
    assertThat(inTask.labels()).isEqualTo(labels).hasSize(outcome.k());
    assertThat(inTask.silhouettes()).hasSameSizeAs(perCluster);
    perCluster.forEach((cluster, value) ->
        assertThat(inTask.silhouettes().get(cluster)).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-12)));
    assertThat(Coherence.fromCounts(sets, inTask.counts(), 15))
        .isEqualTo(Coherence.npmi(clustered, "tokens", 15, sets));
  }

  @Test
  void kIsCappedByTheNumberOfDocuments() {
    KSelection.Outcome outcome = KSelection.select("en", features(2, 2), 4, AUTO, "features", "cluster_id");
    assertThat(outcome.sweep()).extracting(KScore::k).containsExactly(2, 3);
    assertThat(outcome.k()).isEqualTo(2);
  }

  @Test
  void tooFewDocumentsMakeOneClusterWithoutError() {
    KSelection.Outcome outcome = KSelection.select("fa", features(1, 2), 2, AUTO, "features", "cluster_id");
    assertThat(outcome.k()).isEqualTo(1);
    assertThat(outcome.model()).isInstanceOf(SingleClusterModel.class);
    assertThat(outcome.sweep()).singleElement().satisfies(score -> {
      assertThat(score.chosen()).isTrue();
      assertThat(score.silhouette()).isNaN();
    });
  }

  @Test
  void aFixedKIsUsedAsGiven() {
    ClusterSettings fixed = new ClusterSettings(4, 2, 8, "bisecting", 20, 42, 10, 2, 10, 10);
    KSelection.Outcome outcome = KSelection.select("en", features(3, 5), 15, fixed, "features", "cluster_id");
    assertThat(outcome.sweep()).extracting(KScore::k).containsExactly(4);
    assertThat(outcome.k()).isEqualTo(4);
  }

  @Test
  void settingsRejectImpossibleRanges() {
    assertThatThrownBy(() -> new ClusterSettings(0, 1, 8, "kmeans", 20, 42, 10, 2, 10, 10))
        .hasMessageContaining("k range");
    assertThatThrownBy(() -> new ClusterSettings(1, 2, 8, "kmeans", 20, 42, 10, 2, 10, 10))
        .hasMessageContaining("got 1");
    assertThatThrownBy(() -> new ClusterSettings(0, 2, 8, "dbscan", 20, 42, 10, 2, 10, 10))
        .hasMessageContaining("dbscan");
  }
}
