package org.polycorpus.topics;

import static org.apache.spark.sql.functions.lit;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.ml.SchemaChecks;
import org.polycorpus.ml.StageParams;

/**
 * The clustering of a language with too few documents to split (Spark's k-means needs k >= 2):
 * every document is in cluster 0. Saved in the language's pipeline like a fitted k-means.
 */
public final class SingleClusterModel extends Transformer implements DefaultParamsWritable {
  private final String uid;
  private final Param<String> predictionCol;

  public SingleClusterModel() {
    this(Identifiable.randomUID("singlecluster"));
  }

  public SingleClusterModel(String uid) {
    this.uid = uid;
    predictionCol = StageParams.column(this, "predictionCol", "cluster id column (default: cluster_id)");
    setDefault(predictionCol, "cluster_id");
  }

  public Param<String> predictionCol() { return predictionCol; }

  public SingleClusterModel setPredictionCol(String value) { set(predictionCol, value); return this; }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return dataset.withColumn($(predictionCol), lit(0));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return SchemaChecks.appendColumn(schema, $(predictionCol), DataTypes.IntegerType, false);
  }

  @Override
  public SingleClusterModel copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }

  public static MLReader<SingleClusterModel> read() {
    return new DefaultParamsReader<>();
  }

  public static SingleClusterModel load(String path) {
    return read().load(path);
  }
}
