package org.polycorpus.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The data rows Spark's own writers save for the fitted models polycorpus pipelines hold, in
 * their schemas (Spark's case classes ClusterData, PCAModel.Data and LocalModelData), so that
 * {@link ModelData} can write them without a Spark job and Spark's readers load them.
 */
final class SparkModelData {
  /** Rows and their schema. */
  record Table(List<Row> rows, StructType schema) {}

  private static final StructType KMEANS = new StructType()
      .add("clusterIdx", DataTypes.IntegerType, false)
      .add("clusterCenter", SQLDataTypes.VectorType(), true);
  private static final StructType PCA = new StructType()
      .add("pc", SQLDataTypes.MatrixType(), true)
      .add("explainedVariance", SQLDataTypes.VectorType(), true);
  private static final StructType LDA = new StructType()
      .add("vocabSize", DataTypes.IntegerType, false)
      .add("topicsMatrix", SQLDataTypes.MatrixType(), true)
      .add("docConcentration", SQLDataTypes.VectorType(), true)
      .add("topicConcentration", DataTypes.DoubleType, false)
      .add("gammaShape", DataTypes.DoubleType, false);

  private SparkModelData() {}

  /** The stage's data, or null for a stage this class does not know. */
  static Table of(Transformer stage) {
    if (stage instanceof KMeansModel kmeans) {
      List<Row> rows = new ArrayList<>();
      Vector[] centers = kmeans.clusterCenters();
      for (int i = 0; i < centers.length; i++) {
        rows.add(RowFactory.create(i, centers[i]));
      }
      return new Table(rows, KMEANS);
    }
    if (stage instanceof PCAModel pca) {
      return new Table(List.of(RowFactory.create(pca.pc(), pca.explainedVariance())), PCA);
    }
    if (stage instanceof LocalLDAModel lda) {
      org.apache.spark.mllib.clustering.LocalLDAModel old = lda.oldLocalModel();
      Matrix topics = old.topicsMatrix();
      return new Table(List.of(RowFactory.create(lda.vocabSize(), topics.asML(), old.docConcentration().asML(),
          old.topicConcentration(), old.gammaShape())), LDA);
    }
    return null;
  }
}
