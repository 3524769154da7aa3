package org.polycorpus.ml;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Several columns added in one plan step. Every {@code withColumn} makes Spark analyse the whole,
 * growing plan again, tens of milliseconds of a cold driver's time apiece while the executors
 * wait for the next job; one {@code withColumns} analyses it once for all of them.
 */
public final class OneStepColumns {
  private OneStepColumns() {}

  /** {@code dataset} with {@code columns} (name to value, in this order) added, or replaced in place. */
  public static Dataset<Row> add(Dataset<?> dataset, Map<String, Column> columns) {
    return dataset.withColumns(CollectionConverters.asScala(List.copyOf(columns.keySet())).toList(),
        CollectionConverters.asScala(List.copyOf(columns.values())).toList());
  }

  /**
   * {@code dataset} with the fields of {@code struct} (a UDF's result, computed once in column
   * {@code tmp}) as columns: {@code fields} maps each new column, in order, to its field.
   */
  public static Dataset<Row> spread(Dataset<?> dataset, String tmp, Column struct, Map<String, String> fields) {
    Map<String, Column> columns = new LinkedHashMap<>();
    fields.forEach((name, field) -> columns.put(name, col(tmp + "." + field)));
    return add(dataset.withColumn(tmp, struct), columns).drop(tmp);
  }
}
