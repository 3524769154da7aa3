package org.polycorpus.ml;

import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/** Saves and loads a fitted model's list of strings as Parquet beside its metadata. */
public final class StringListData {
  private StringListData() {}

  public static void save(SparkSession spark, List<String> values, String modelPath) {
    spark.createDataset(values, Encoders.STRING()).toDF("value").coalesce(1)
        .write().parquet(modelPath + "/data");
  }

  public static List<String> load(SparkSession spark, String modelPath) {
    return spark.read().parquet(modelPath + "/data").orderBy("value").as(Encoders.STRING()).collectAsList();
  }
}
