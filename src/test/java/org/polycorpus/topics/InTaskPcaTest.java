package org.polycorpus.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.polycorpus.SparkTestBase;

/** The map's PCA computed in one task finds the components Spark's PCA finds. */
class InTaskPcaTest extends SparkTestBase {
  /**
   * {@code documents} vectors of {@code dimension} entries spread mostly along two directions,
   * plus noise; {@code zeroShare} of the entries are zero.
   */
  private static Dataset<Row> vectors(int documents, int dimension, double zeroShare) {
    Random random = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < documents; d++) {
      double[] values = new double[dimension];
      double a = random.nextGaussian() * 3;
      double b = random.nextGaussian();
      for (int i = 0; i < dimension; i++) {
        if (random.nextDouble() >= zeroShare) {
          values[i] = (i < dimension / 2 ? a : b) * (1 + i % 3) + random.nextGaussian() * 0.1;
        }
      }
      rows.add(RowFactory.create(Vectors.dense(values).toSparse()));
    }
    return spark.createDataFrame(rows, new StructType().add("v", new VectorUDT()));
  }

  /** More non-zeros than the covariance has entries: the covariance matrix is formed. */
  @Test
  void componentsAndVarianceMatchSparksPcaWithManyDocuments() {
    assertMatchesSparksPca(vectors(60, 12, 0.25), 12);
  }

  /** Fewer documents than terms: the covariance is applied through the documents. */
  @Test
  void componentsAndVarianceMatchSparksPcaWithFewDocuments() {
    assertMatchesSparksPca(vectors(15, 80, 0.7), 80);
  }

  /**
   * Documents on one line vary along one direction only, so no second axis carries variance:
   * the map must not draw it from rounding noise, which changes with the order of the documents.
   */
  @Test
  void secondAxisOfDocumentsOnALineDoesNotDependOnTheirOrderWithTheCovarianceFormed() {
    assertSecondAxisOfDocumentsOnALineIndependentOfTheirOrder(4);
  }

  @Test
  void secondAxisOfDocumentsOnALineDoesNotDependOnTheirOrderThroughTheDocuments() {
    assertSecondAxisOfDocumentsOnALineIndependentOfTheirOrder(40);
  }

  private static void assertSecondAxisOfDocumentsOnALineIndependentOfTheirOrder(int dimension) {
    Random random = new Random(7);
    double[] direction = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      direction[i] = 0.1 + random.nextDouble();
    }
    List<SparseVector> documents = new ArrayList<>();
    for (double position : new double[] {0.3, 1.7, 2.9, 4.1}) {
      double[] values = new double[dimension];
      for (int i = 0; i < dimension; i++) {
        values[i] = direction[i] * position;
      }
      documents.add(Vectors.dense(values).toSparse());
    }
    InTaskPca.Fit forward = InTaskPca.fit(documents, dimension);
    List<SparseVector> reversed = new ArrayList<>(documents);
    Collections.reverse(reversed);
    InTaskPca.Fit backward = InTaskPca.fit(reversed, dimension);
    assertThat(forward.explained()[1]).isCloseTo(0.0, offset(1e-9));
    assertThat(forward.components()).containsExactly(backward.components(), offset(1e-9));
  }

  private static void assertMatchesSparksPca(Dataset<Row> vectors, int dimension) {
    PCAModel ours = InTaskPca.fit(vectors, "v", "map", dimension);
    PCAModel sparks = new PCA().setK(2).setInputCol("v").setOutputCol("map").fit(vectors);
    for (int component = 0; component < 2; component++) {
      assertThat(Math.abs(dot(ours.pc(), sparks.pc(), component))).isCloseTo(1.0, offset(1e-6));
      assertThat(ours.explainedVariance().apply(component))
          .isCloseTo(sparks.explainedVariance().apply(component), offset(1e-6));
    }
  }

  private static double dot(DenseMatrix a, DenseMatrix b, int column) {
    double sum = 0;
    for (int row = 0; row < a.numRows(); row++) {
      sum += a.apply(row, column) * b.apply(row, column);
    }
    return sum;
  }
}
