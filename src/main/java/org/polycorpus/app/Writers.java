package org.polycorpus.app;

import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.Columns;
import org.polycorpus.output.OutputLocation;
import org.polycorpus.output.Tables;

/** Writes output tables in their documented column order and partitioning. */
final class Writers {
  private Writers() {}

  /** A whole table at once; partitioned by language where the table is. */
  static void write(Dataset<Row> rows, String table, OutputLocation out) {
    var writer = rows.selectExpr(quoted(Tables.columns(table))).write();
    if (Tables.PARTITIONED_BY_LANGUAGE.contains(table)) {
      writer = writer.partitionBy(Columns.LANGUAGE);
    }
    writer.parquet(out.staged(table));
  }

  /**
   * One language's partition of a table, written straight to its {@code language=xx} folder.
   * Languages are fitted concurrently, and concurrent jobs appending to one table folder would
   * share (and clean up) one another's temporary files; separate folders share nothing.
   */
  static void writeLanguage(Dataset<Row> rows, String table, String language, OutputLocation out) {
    String[] columns = Arrays.stream(Tables.columns(table)).filter(c -> !c.equals(Columns.LANGUAGE))
        .toArray(String[]::new);
    rows.selectExpr(quoted(columns)).write()
        .parquet(out.staged(table) + "/" + Columns.LANGUAGE + "=" + language);
  }

  /**
   * A table no language wrote (every file failed, say) still exists with its schema: one empty
   * file, unpartitioned, since an empty partitioned folder has no schema to read.
   */
  static void writeMissingTablesEmpty(SparkSession spark, OutputLocation out, String... tables)
      throws java.io.IOException {
    for (String table : tables) {
      Path path = new Path(out.staged(table));
      if (!path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
        spark.createDataFrame(List.of(), Tables.SCHEMAS.get(table)).coalesce(1).write().parquet(path.toString());
      }
    }
  }

  /** An output table this run wrote, read back. */
  static Dataset<Row> readTable(SparkSession spark, String table, OutputLocation out) {
    return readBack(spark, out.staged(table), Tables.SCHEMAS.get(table));
  }

  /**
   * Parquet this run wrote, read back with the schema it was written with. Left to infer it,
   * Spark runs a job to read a file's footer, and when the cores are busy that job waits for one.
   * Partition columns come last, as Spark reads them.
   */
  static Dataset<Row> readBack(SparkSession spark, String path, StructType written, String... partitionColumns) {
    List<String> partitions = List.of(partitionColumns);
    StructType schema = new StructType();
    for (StructField field : written.fields()) {
      if (!partitions.contains(field.name())) {
        schema = schema.add(field);
      }
    }
    for (String partition : partitions) {
      schema = schema.add(written.apply(partition));
    }
    return spark.read().schema(schema).parquet(path);
  }

  private static String[] quoted(String[] columns) {
    return Arrays.stream(columns).map(c -> "`" + c + "`").toArray(String[]::new);
  }
}
