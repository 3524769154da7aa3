package org.polycorpus.topics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.mllib.linalg.DenseMatrix;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.ml.SingleTask;

/**
 * LDA of a language small enough for one task ({@link SingleTask}): {@link OnlineLda} runs every
 * iteration there, where Spark's LDA runs a job per iteration. The result is a Spark ML
 * LocalLDAModel, saved and applied like one Spark fitted.
 */
final class InTaskLda {

  private InTaskLda() {}

  static LocalLDAModel fit(Dataset<Row> vectors, String countsCol, String topicsCol, int vocabulary, int k,
      int iterations, double subsamplingRate, long seed) {
    OnlineLda.Fit fit = SingleTask.run(vectors.select(countsCol), rows -> {
      List<SparseVector> counts = new ArrayList<>();
      rows.forEachRemaining(row -> counts.add(row.<Vector>getAs(0).toSparse()));
      return OnlineLda.fit(counts, vocabulary, k, iterations, subsamplingRate, seed);
    });
    return model(fit, vocabulary, k, iterations, subsamplingRate, seed, countsCol, topicsCol, vectors.sparkSession());
  }

  /** The Spark ML model of a fit made elsewhere (in a task that fits a whole language). */
  static LocalLDAModel model(OnlineLda.Fit fit, int vocabulary, int k, int iterations, double subsamplingRate,
      long seed, String countsCol, String topicsCol, SparkSession spark) {
    LocalLDAModel model = new LocalLDAModel(Identifiable.randomUID("lda"), vocabulary, local(fit, vocabulary, k, seed),
        spark);
    model.set(model.k(), k);
    model.set(model.seed(), seed);
    model.set(model.maxIter(), iterations);
    model.set(model.optimizer(), "online");
    model.set(model.subsamplingRate(), subsamplingRate);
    return (LocalLDAModel) model.setFeaturesCol(countsCol).setTopicDistributionCol(topicsCol);
  }

  /** The fit as the local model Spark's LocalLDAModel wraps: usable inside a task (describeTopics). */
  static org.apache.spark.mllib.clustering.LocalLDAModel local(OnlineLda.Fit fit, int vocabulary, int k, long seed) {
    // Spark's LDA models hold topics as a vocabulary x k matrix (column-major).
    double[] topics = new double[vocabulary * k];
    for (int t = 0; t < k; t++) {
      System.arraycopy(fit.lambda()[t], 0, topics, t * vocabulary, vocabulary);
    }
    org.apache.spark.mllib.clustering.LocalLDAModel fitted = new org.apache.spark.mllib.clustering.LocalLDAModel(
        new DenseMatrix(vocabulary, k, topics), Vectors.dense(fit.alpha()), fit.eta(), OnlineLda.GAMMA_SHAPE);
    fitted.setSeed(seed);
    return fitted;
  }
}
