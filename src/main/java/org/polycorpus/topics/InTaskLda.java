package org.polycorpus.topics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.mllib.linalg.DenseMatrix;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * LDA of a language small enough for one task: its term counts are gathered into one partition
 * and {@link OnlineLda} runs every iteration there, where Spark's LDA runs a job per iteration.
 * The result is a Spark ML LocalLDAModel, saved and applied like one Spark fitted.
 */
final class InTaskLda {
  /** Larger languages are modelled by Spark's distributed online LDA. */
  static final long MAX_DOCS = InTaskKSweep.MAX_DOCS;

  private InTaskLda() {}

  static LocalLDAModel fit(Dataset<Row> vectors, String countsCol, String topicsCol, int vocabulary, int k,
      int iterations, double subsamplingRate, long seed) {
    OnlineLda.Fit fit = vectors.select(countsCol).javaRDD().coalesce(1)
        .mapPartitions((Iterator<Row> rows) -> {
          List<SparseVector> counts = new ArrayList<>();
          rows.forEachRemaining(row -> counts.add(row.<Vector>getAs(0).toSparse()));
          return List.of(OnlineLda.fit(counts, vocabulary, k, iterations, subsamplingRate, seed)).iterator();
        })
        .collect().get(0);
    // Spark's LDA models hold topics as a vocabulary x k matrix (column-major).
    double[] topics = new double[vocabulary * k];
    for (int t = 0; t < k; t++) {
      System.arraycopy(fit.lambda()[t], 0, topics, t * vocabulary, vocabulary);
    }
    org.apache.spark.mllib.clustering.LocalLDAModel fitted = new org.apache.spark.mllib.clustering.LocalLDAModel(
        new DenseMatrix(vocabulary, k, topics), Vectors.dense(fit.alpha()), fit.eta(), OnlineLda.GAMMA_SHAPE);
    fitted.setSeed(seed);
    LocalLDAModel model = new LocalLDAModel(Identifiable.randomUID("lda"), vocabulary, fitted,
        vectors.sparkSession());
    model.set(model.k(), k);
    model.set(model.seed(), seed);
    model.set(model.maxIter(), iterations);
    model.set(model.optimizer(), "online");
    model.set(model.subsamplingRate(), subsamplingRate);
    return (LocalLDAModel) model.setFeaturesCol(countsCol).setTopicDistributionCol(topicsCol);
  }
}
