package org.polycorpus.topics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.util.Identifiable;
import scala.Function1;

/**
 * A document's topic distribution exactly as Spark's LocalLDAModel.transform computes it, for
 * use inside a task where no DataFrame is at hand. It is Spark's own per-document function
 * (transform wraps it in a UDF; Spark keeps it private), so the in-task tables equal those of the
 * saved pipeline, as a test checks.
 */
final class TopicInference {
  private final Function1<Vector, Vector> distribution;

  @SuppressWarnings("unchecked")
  TopicInference(org.apache.spark.mllib.clustering.LocalLDAModel local) {
    // No session in a task: the model only needs one to build DataFrames, which this never asks for.
    LocalLDAModel model = new LocalLDAModel(Identifiable.randomUID("lda"), local.vocabSize(), local, null);
    try {
      Method method = LDAModel.class.getDeclaredMethod("getTopicDistributionMethod");
      method.setAccessible(true);
      this.distribution = (Function1<Vector, Vector>) method.invoke(model);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("this Spark version's LDAModel has no getTopicDistributionMethod", e);
    }
  }

  /** Topic weights summing to 1; all zero for a document without terms, as Spark gives them. */
  double[] distribution(Vector counts) {
    return distribution.apply(counts).toArray();
  }
}
