package org.polycorpus.topics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.polycorpus.ml.SingleTask;

/**
 * Chooses the number of clusters for one language: every k in [kMin, min(kMax, n - 1)] is fitted
 * (seeded) and scored by cosine silhouette; the best wins, the smaller k on a tie. A language
 * with fewer than three documents, or where no k scores, is one cluster. k-means on a language
 * of up to {@link SingleTask#MAX_ROWS} documents runs in one task; larger languages, and
 * bisecting k-means, use Spark's distributed implementations.
 */
public final class KSelection {
  private KSelection() {}

  /** The chosen clustering; {@code centers} is empty for a single cluster. */
  public record Outcome(Transformer model, int k, double silhouette, Vector[] centers, List<KScore> sweep) {}

  public static Outcome select(String language, Dataset<Row> features, long numDocs, ClusterSettings settings,
      String featuresCol, String predictionCol) {
    List<Integer> candidates = candidates(settings, numDocs);
    if (inTask(settings, numDocs) && !candidates.isEmpty()) {
      InTaskKSweep.Result result = InTaskKSweep.sweep(features, featuresCol, candidates, settings.seed(),
          settings.maxIter());
      return outcome(language, result, settings, featuresCol, predictionCol);
    }
    List<KScore> sweep = new ArrayList<>();
    Model<?> best = null;
    int bestK = 1;
    double bestScore = Double.NaN;
    ClusteringEvaluator evaluator = new ClusteringEvaluator()
        .setDistanceMeasure("cosine").setFeaturesCol(featuresCol).setPredictionCol(predictionCol);
    for (int k : candidates) {
      Model<?> model = fit(settings, k, features, featuresCol, predictionCol);
      double score = nonEmptyClusters(model) < 2 ? Double.NaN : evaluator.evaluate(model.transform(features));
      sweep.add(new KScore(language, k, score, false));
      if (!Double.isNaN(score) && (Double.isNaN(bestScore) || score > bestScore)) {
        best = model;
        bestK = k;
        bestScore = score;
      }
    }
    return outcome(language, best, bestK, bestScore, sweep, predictionCol);
  }

  /** Whether the sweep runs in one task ({@link InTaskKSweep}) rather than as Spark jobs. */
  static boolean inTask(ClusterSettings settings, long numDocs) {
    return settings.algorithm().equals("kmeans") && numDocs <= SingleTask.MAX_ROWS;
  }

  /** The k values tried: the fixed k, or [kMin, min(kMax, n - 1)]; none when a language cannot be split. */
  static List<Integer> candidates(ClusterSettings settings, long numDocs) {
    List<Integer> candidates = new ArrayList<>();
    if (settings.fixedK() > 0) {
      int k = (int) Math.min(settings.fixedK(), numDocs);
      if (k >= 2) {
        candidates.add(k);
      }
    } else {
      for (int k = settings.kMin(); k <= Math.min(settings.kMax(), numDocs - 1); k++) {
        candidates.add(k);
      }
    }
    return candidates;
  }

  /** The outcome of an in-task sweep; {@code result} is null when there was nothing to sweep. */
  static Outcome outcome(String language, InTaskKSweep.Result result, ClusterSettings settings, String featuresCol,
      String predictionCol) {
    List<KScore> sweep = new ArrayList<>();
    if (result == null) {
      return outcome(language, null, 1, Double.NaN, sweep, predictionCol);
    }
    for (int i = 0; i < result.ks().length; i++) {
      sweep.add(new KScore(language, result.ks()[i], result.silhouettes()[i], false));
    }
    if (result.bestCenters() == null) {
      return outcome(language, null, 1, Double.NaN, sweep, predictionCol);
    }
    double score = sweep.stream().filter(s -> s.k() == result.bestK()).findFirst().orElseThrow().silhouette();
    return outcome(language, InTaskKSweep.model(result, settings.seed(), settings.maxIter(), featuresCol,
        predictionCol), result.bestK(), score, sweep, predictionCol);
  }

  /** The sweep with the chosen k marked; one cluster when no k scored. */
  private static Outcome outcome(String language, Model<?> best, int bestK, double bestScore, List<KScore> sweep,
      String predictionCol) {
    List<KScore> marked = new ArrayList<>();
    if (best == null) {
      marked.add(new KScore(language, 1, Double.NaN, true));
    }
    for (KScore score : sweep) {
      marked.add(new KScore(language, score.k(), score.silhouette(), best != null && score.k() == bestK));
    }
    if (best == null) {
      return new Outcome(new SingleClusterModel().setPredictionCol(predictionCol), 1, Double.NaN,
          new Vector[0], marked);
    }
    return new Outcome(best, bestK, bestScore, centers(best), marked);
  }

  private static Model<?> fit(ClusterSettings settings, int k, Dataset<Row> features, String featuresCol,
      String predictionCol) {
    if (settings.algorithm().equals("bisecting")) {
      return new BisectingKMeans().setK(k).setSeed(settings.seed()).setMaxIter(settings.maxIter())
          .setDistanceMeasure("cosine").setFeaturesCol(featuresCol).setPredictionCol(predictionCol)
          .fit(features);
    }
    return new KMeans().setK(k).setSeed(settings.seed()).setMaxIter(settings.maxIter())
        .setDistanceMeasure("cosine").setFeaturesCol(featuresCol).setPredictionCol(predictionCol)
        .fit(features);
  }

  /** Silhouette needs two non-empty clusters; k-means can leave clusters empty on tiny data. */
  private static long nonEmptyClusters(Model<?> model) {
    long[] sizes = model instanceof KMeansModel kmeans
        ? kmeans.summary().clusterSizes()
        : ((BisectingKMeansModel) model).summary().clusterSizes();
    return java.util.Arrays.stream(sizes).filter(size -> size > 0).count();
  }

  /** A clustering model's centres; none for a single cluster (or a stage that does not cluster). */
  static Vector[] centers(Transformer model) {
    if (model instanceof KMeansModel kmeans) {
      return kmeans.clusterCenters();
    }
    return model instanceof BisectingKMeansModel bisecting ? bisecting.clusterCenters() : new Vector[0];
  }
}
