package org.polycorpus.topics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.polycorpus.ml.SingleTask;

/**
 * The two principal components of a small language's sliced vectors, computed in one task
 * ({@link SingleTask}): the two leading eigenvectors of their sample {@link Covariance} by power
 * iteration. Returned as a Spark ML PCAModel, so the map saves and scores like Spark's PCA.
 */
final class InTaskPca {
  private static final int MAX_ITERATIONS = 500;
  private static final double TOLERANCE = 1e-12;
  /** A variance below this share of the total is rounding noise. */
  private static final double NEGLIGIBLE = 1e-10;

  /** Components (dimension x 2, column-major) followed by the two explained-variance shares. */
  record Fit(double[] components, double[] explained) implements java.io.Serializable {}

  private InTaskPca() {}

  static PCAModel fit(Dataset<Row> vectors, String inputCol, String outputCol, int dimension) {
    Fit fit = SingleTask.run(vectors.select(inputCol), rows -> {
      List<SparseVector> points = new ArrayList<>();
      rows.forEachRemaining(row -> points.add(row.<Vector>getAs(0).toSparse()));
      return fit(points, dimension);
    });
    return model(fit, dimension, inputCol, outputCol);
  }

  /** The Spark ML model of a fit made elsewhere (in a task that fits a whole language). */
  static PCAModel model(Fit fit, int dimension, String inputCol, String outputCol) {
    PCAModel model = new PCAModel(Identifiable.randomUID("pca"), new DenseMatrix(dimension, 2, fit.components()),
        new DenseVector(fit.explained()));
    model.set(model.k(), 2);
    return model.setInputCol(inputCol).setOutputCol(outputCol);
  }

  /** {@code points}: vectors of {@code dimension} entries. */
  static Fit fit(List<SparseVector> points, int dimension) {
    Covariance covariance = Covariance.of(points, dimension);
    double trace = covariance.trace();
    double[] first = leadingEigenvector(covariance, null);
    double[] second = leadingEigenvector(covariance, first);
    double[] components = new double[dimension * 2];
    System.arraycopy(first, 0, components, 0, dimension);
    System.arraycopy(second, 0, components, dimension, dimension);
    double total = trace > 0 ? trace : 1;
    return new Fit(components, new double[] {rayleigh(covariance, first) / total, rayleigh(covariance, second) / total});
  }

  /**
   * Power iteration from a fixed start, orthogonal to {@code deflate} when given. The sign is
   * fixed (largest component positive) so that reruns draw the same map. When the matrix leaves
   * next to nothing of the start (its trace, the sum of its eigenvalues, sets the scale), no
   * direction carries variance, as the second one of a language of two documents: the start
   * itself is the axis, where power iteration would follow rounding noise.
   */
  private static double[] leadingEigenvector(Covariance matrix, double[] deflate) {
    int dimension = matrix.dimension();
    double[] vector = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      vector[i] = 1.0 / Math.sqrt(dimension) * (1 + (i % 7) * 1e-3);
    }
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      if (deflate != null) {
        subtractProjection(vector, deflate);
      }
      double[] next = matrix.multiply(vector);
      if (deflate != null) {
        subtractProjection(next, deflate);
      }
      double norm = norm(next);
      if (norm <= NEGLIGIBLE * matrix.trace()) {
        scale(vector, 1 / norm(vector));
        break;
      }
      double change = 0;
      for (int i = 0; i < dimension; i++) {
        next[i] /= norm;
        change += Math.abs(next[i] - vector[i]);
      }
      vector = next;
      if (change < TOLERANCE) {
        break;
      }
    }
    int largest = 0;
    for (int i = 1; i < dimension; i++) {
      if (Math.abs(vector[i]) > Math.abs(vector[largest])) {
        largest = i;
      }
    }
    if (vector[largest] < 0) {
      scale(vector, -1);
    }
    return vector;
  }

  private static void scale(double[] vector, double factor) {
    for (int i = 0; i < vector.length; i++) {
      vector[i] *= factor;
    }
  }

  private static void subtractProjection(double[] vector, double[] direction) {
    double dot = 0;
    for (int i = 0; i < vector.length; i++) {
      dot += vector[i] * direction[i];
    }
    for (int i = 0; i < vector.length; i++) {
      vector[i] -= dot * direction[i];
    }
  }

  private static double rayleigh(Covariance matrix, double[] vector) {
    double[] product = matrix.multiply(vector);
    double sum = 0;
    for (int i = 0; i < vector.length; i++) {
      sum += vector[i] * product[i];
    }
    return sum;
  }

  private static double norm(double[] vector) {
    double sum = 0;
    for (double value : vector) {
      sum += value * value;
    }
    return Math.sqrt(sum);
  }
}
