package org.polycorpus.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.polycorpus.SparkTestBase;

/** Topic distributions computed in a task are those Spark's LocalLDAModel.transform gives, to the last bit. */
class TopicInferenceTest extends SparkTestBase {
  private static final int VOCABULARY = 50;

  @Test
  void equalsSparksTransformOnEveryDocument() {
    List<SparseVector> counts = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    java.util.Random random = new java.util.Random(3);
    for (int d = 0; d < 60; d++) {
      int offset = d % 3 * 15;
      java.util.TreeMap<Integer, Double> terms = new java.util.TreeMap<>();
      for (int t = 0; t < 8; t++) {
        terms.merge(offset + random.nextInt(20) % VOCABULARY, 1.0 + random.nextInt(3), Double::sum);
      }
      SparseVector vector = (SparseVector) Vectors.sparse(VOCABULARY,
          terms.keySet().stream().mapToInt(Integer::intValue).toArray(),
          terms.values().stream().mapToDouble(Double::doubleValue).toArray());
      counts.add(vector);
      rows.add(RowFactory.create(d, vector));
    }
    rows.add(RowFactory.create(60, Vectors.sparse(VOCABULARY, new int[0], new double[0])));
    counts.add((SparseVector) Vectors.sparse(VOCABULARY, new int[0], new double[0]));
    OnlineLda.Fit fit = OnlineLda.fit(counts, VOCABULARY, 4, 20, 1.0, 42);
    LocalLDAModel model = InTaskLda.model(fit, VOCABULARY, 4, 20, 1.0, 42, "term_counts", "topics", spark);
    TopicInference inference = new TopicInference(InTaskLda.local(fit, VOCABULARY, 4, 42));

    List<Row> transformed = model.transform(spark.createDataFrame(rows, new StructType()
        .add("id", DataTypes.IntegerType).add("term_counts", new VectorUDT()))).orderBy("id").collectAsList();
    for (int d = 0; d < counts.size(); d++) {
      assertThat(inference.distribution(counts.get(d)))
          .as("document %d", d).containsExactly(transformed.get(d).<Vector>getAs("topics").toArray());
    }
  }
}
