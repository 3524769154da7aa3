package org.polycorpus.app;

import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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

  private static String[] quoted(String[] columns) {
    return Arrays.stream(columns).map(c -> "`" + c + "`").toArray(String[]::new);
  }
}
