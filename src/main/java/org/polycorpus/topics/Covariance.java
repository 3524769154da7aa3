package org.polycorpus.topics;

import java.util.List;
import org.apache.spark.ml.linalg.SparseVector;

/**
 * The sample covariance of sparse vectors, as Spark's RowMatrix computes it
 * ({@code (G - s s^T / n) / (n - 1)}, G the sum of outer products, s the sum of the vectors), as
 * far as power iteration needs it: its product with a vector and its trace. A language with
 * fewer documents than terms has a covariance of low rank, and the product through its
 * documents ({@code G v} as the sum of {@code x (x . v)}) costs their non-zeros instead of
 * terms x terms; the matrix is formed only when that is cheaper.
 */
abstract class Covariance {
  final double[] sum;
  final long n;
  private final double trace;

  /** {@code squares}: each term's sum of squared values, G's diagonal. */
  private Covariance(double[] sum, double[] squares, long n) {
    this.sum = sum;
    this.n = n;
    double total = 0;
    for (int i = 0; i < sum.length; i++) {
      total += centred(squares[i], i, i);
    }
    this.trace = total;
  }

  static Covariance of(List<SparseVector> points, int dimension) {
    double[] sum = new double[dimension];
    double[] squares = new double[dimension];
    long nonZeros = 0;
    for (SparseVector point : points) {
      int[] indices = point.indices();
      double[] values = point.values();
      for (int a = 0; a < indices.length; a++) {
        sum[indices[a]] += values[a];
        squares[indices[a]] += values[a] * values[a];
      }
      nonZeros += indices.length;
    }
    // A product through the documents reads each non-zero twice; the matrix's reads every entry.
    return 2 * nonZeros < (long) dimension * dimension
        ? new ThroughDocuments(points, sum, squares)
        : new Dense(points, sum, squares);
  }

  /** This matrix times {@code vector}. */
  abstract double[] multiply(double[] vector);

  int dimension() {
    return sum.length;
  }

  /** The sum of the diagonal, the sum of the eigenvalues: the total variance. */
  double trace() {
    return trace;
  }

  /** Entry (i, j) from G's entry: the centring term and the division by n - 1 of Spark's RowMatrix. */
  final double centred(double gram, int i, int j) {
    return (gram - sum[i] * sum[j] / n) / (n - 1);
  }

  private static final class ThroughDocuments extends Covariance {
    private final List<SparseVector> points;

    ThroughDocuments(List<SparseVector> points, double[] sum, double[] squares) {
      super(sum, squares, points.size());
      this.points = points;
    }

    @Override
    double[] multiply(double[] vector) {
      double[] gram = new double[vector.length];
      for (SparseVector point : points) {
        int[] indices = point.indices();
        double[] values = point.values();
        double dot = 0;
        for (int a = 0; a < indices.length; a++) {
          dot += values[a] * vector[indices[a]];
        }
        for (int a = 0; a < indices.length; a++) {
          gram[indices[a]] += values[a] * dot;
        }
      }
      double sumDot = 0;
      for (int i = 0; i < vector.length; i++) {
        sumDot += sum[i] * vector[i];
      }
      double[] result = new double[vector.length];
      for (int i = 0; i < vector.length; i++) {
        result[i] = (gram[i] - sum[i] * sumDot / n) / (n - 1);
      }
      return result;
    }
  }

  private static final class Dense extends Covariance {
    private final double[][] matrix;

    Dense(List<SparseVector> points, double[] sum, double[] squares) {
      super(sum, squares, points.size());
      int dimension = sum.length;
      double[][] gram = new double[dimension][dimension];
      for (SparseVector point : points) {
        int[] indices = point.indices();
        double[] values = point.values();
        for (int a = 0; a < indices.length; a++) {
          double[] row = gram[indices[a]];
          for (int b = 0; b < indices.length; b++) {
            row[indices[b]] += values[a] * values[b];
          }
        }
      }
      for (int i = 0; i < dimension; i++) {
        for (int j = 0; j < dimension; j++) {
          gram[i][j] = centred(gram[i][j], i, j);
        }
      }
      matrix = gram;
    }

    @Override
    double[] multiply(double[] vector) {
      double[] result = new double[vector.length];
      for (int i = 0; i < matrix.length; i++) {
        double[] row = matrix[i]; // read once: the inner loop is the fit's hottest
        double sum = 0;
        for (int j = 0; j < vector.length; j++) {
          sum += row[j] * vector[j];
        }
        result[i] = sum;
      }
      return result;
    }
  }
}
