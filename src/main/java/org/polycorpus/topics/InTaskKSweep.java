package org.polycorpus.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.polycorpus.ml.SingleTask;

/**
 * The k sweep of a language small enough for one task ({@link SingleTask}): every k is fitted
 * and scored there with {@link SphericalKMeans}, where Spark's KMeans runs a job per iteration
 * and per k. Only the scores and the chosen centres return to the driver.
 */
final class InTaskKSweep {

  /** Silhouette per candidate k (NaN when fewer than two clusters were non-empty), and the best fit. */
  record Result(int[] ks, double[] silhouettes, int bestK, double[][] bestCenters, int iterations)
      implements Serializable {}

  private InTaskKSweep() {}

  static Result sweep(Dataset<Row> features, String featuresCol, List<Integer> candidates, long seed, int maxIter) {
    int[] ks = candidates.stream().mapToInt(Integer::intValue).toArray();
    return SingleTask.run(features.select(featuresCol), rows -> sweep(rows, ks, seed, maxIter));
  }

  private static Result sweep(Iterator<Row> rows, int[] ks, long seed, int maxIter) {
    List<SparseVector> points = new ArrayList<>();
    int dimension = 0;
    while (rows.hasNext()) {
      Vector vector = rows.next().getAs(0);
      points.add(vector.toSparse());
      dimension = vector.size();
    }
    return sweep(points, dimension, ks, seed, maxIter);
  }

  /** The sweep over points held in memory. */
  static Result sweep(List<SparseVector> points, int dimension, int[] ks, long seed, int maxIter) {
    double[] silhouettes = new double[ks.length];
    int bestK = 1;
    double bestScore = Double.NaN;
    SphericalKMeans.Fit best = null;
    for (int i = 0; i < ks.length; i++) {
      SphericalKMeans.Fit fit = SphericalKMeans.fit(points, dimension, ks[i], seed, maxIter);
      silhouettes[i] = fit.nonEmptyClusters() < 2 ? Double.NaN
          : SphericalKMeans.silhouette(points, fit.assignment(), dimension, ks[i]);
      if (!Double.isNaN(silhouettes[i]) && (Double.isNaN(bestScore) || silhouettes[i] > bestScore)) {
        bestK = ks[i];
        bestScore = silhouettes[i];
        best = fit;
      }
    }
    return new Result(ks, silhouettes, bestK, best == null ? null : best.centers(),
        best == null ? 0 : best.iterations());
  }

  /** A Spark ML KMeansModel with the chosen centres, so the language's pipeline saves and scores as before. */
  static KMeansModel model(Result result, long seed, int maxIter, String featuresCol, String predictionCol) {
    KMeansModel model = new KMeansModel(Identifiable.randomUID("kmeans"), predictor(result));
    model.set(model.k(), result.bestK());
    model.set(model.distanceMeasure(), "cosine");
    model.set(model.seed(), seed);
    model.set(model.maxIter(), maxIter);
    return model.setFeaturesCol(featuresCol).setPredictionCol(predictionCol);
  }

  /** The chosen centres as the local model Spark's KMeansModel predicts with, for use inside a task. */
  static org.apache.spark.mllib.clustering.KMeansModel predictor(Result result) {
    org.apache.spark.mllib.linalg.Vector[] centers = new org.apache.spark.mllib.linalg.Vector[result.bestCenters().length];
    for (int c = 0; c < centers.length; c++) {
      centers[c] = org.apache.spark.mllib.linalg.Vectors.dense(result.bestCenters()[c]);
    }
    return new org.apache.spark.mllib.clustering.KMeansModel(centers, "cosine", 0.0, result.iterations());
  }
}
