package org.polycorpus.app;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.Columns;
import org.polycorpus.output.OutputLocation;
import org.polycorpus.output.Tables;

/** Writes output tables in their documented column order and partitioning. */
final class Writers {
  private Writers() {}

  static void write(Dataset<Row> rows, String table, OutputLocation out, SaveMode mode) {
    var writer = rows.selectExpr(quoted(Tables.columns(table))).write().mode(mode);
    if (Tables.PARTITIONED_BY_LANGUAGE.contains(table)) {
      writer = writer.partitionBy(Columns.LANGUAGE);
    }
    writer.parquet(out.staged(table));
  }

  /** A table no language wrote (every file failed, say) still exists, empty, with its schema. */
  static void writeMissingTablesEmpty(SparkSession spark, OutputLocation out) throws java.io.IOException {
    for (String table : List.of(Tables.DOCUMENT_TERMS, Tables.CLUSTERS, Tables.DOCUMENT_CLUSTERS, Tables.TOPICS,
        Tables.DOCUMENT_TOPICS)) {
      Path path = new Path(out.staged(table));
      if (!path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
        write(spark.createDataFrame(List.of(), Tables.SCHEMAS.get(table)), table, out, SaveMode.ErrorIfExists);
      }
    }
  }

  private static String[] quoted(String[] columns) {
    String[] out = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      out[i] = "`" + columns[i] + "`";
    }
    return out;
  }
}
