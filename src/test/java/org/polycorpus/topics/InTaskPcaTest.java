package org.polycorpus.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.linalg.DenseMatrix;
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
  private static final int DIMENSION = 12;

  /** Sparse vectors spread mostly along two directions, plus noise. */
  private static Dataset<Row> vectors() {
    Random random = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 60; d++) {
      double[] values = new double[DIMENSION];
      double a = random.nextGaussian() * 3;
      double b = random.nextGaussian();
      for (int i = 0; i < DIMENSION; i++) {
        values[i] = (i < 6 ? a : b) * (1 + i % 3) + (random.nextDouble() < 0.5 ? 0 : random.nextGaussian() * 0.1);
      }
      rows.add(RowFactory.create(Vectors.dense(values).toSparse()));
    }
    return spark.createDataFrame(rows, new StructType().add("v", new VectorUDT()));
  }

  @Test
  void componentsAndVarianceMatchSparksPca() {
    Dataset<Row> vectors = vectors();
    PCAModel ours = InTaskPca.fit(vectors, "v", "map", DIMENSION);
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
