package org.polycorpus.ml;

import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Saves and loads a fitted model's list of strings as Parquet beside its metadata. */
public final class StringListData {
  private static final StructType SCHEMA = new StructType().add("value", DataTypes.StringType);

  private StringListData() {}

  /** Written from the driver ({@link ModelData}): the list is there already. */
  public static void save(SparkSession spark, List<String> values, String modelPath) throws IOException {
    List<Row> rows = values.stream().map(RowFactory::create).toList();
    ModelData.write(rows, SCHEMA, modelPath + "/data", spark);
  }

  public static List<String> load(SparkSession spark, String modelPath) {
    return spark.read().parquet(modelPath + "/data").orderBy("value").as(Encoders.STRING()).collectAsList();
  }
}
