package org.polycorpus.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.output.Tables;

/** Two outputs hold the same rows in every table, apart from what differs by nature between runs. */
final class TableComparison {
  private TableComparison() {}

  static void assertSameTables(SparkSession spark, String expected, String actual) {
    for (String table : Tables.SCHEMAS.keySet()) {
      if (table.equals(Tables.RUNS)) {
        continue; // run ids, times, master
      }
      Dataset<Row> a = comparable(spark.read().parquet(expected + "/" + table));
      Dataset<Row> b = comparable(spark.read().parquet(actual + "/" + table));
      assertThat(b.count()).as("rows of %s", table).isEqualTo(a.count());
      if (!table.equals(Tables.DUPLICATE_GROUPS)) {
        // Every other table has rows on the seeds, so equal counts are not two empty tables.
        assertThat(b.count()).as("rows of %s", table).isPositive();
      }
      assertThat(a.exceptAll(b).count()).as("rows of %s missing from %s", table, actual).isZero();
      assertThat(b.exceptAll(a).count()).as("rows of %s only in %s", table, actual).isZero();
    }
  }

  /** Timing and where the file was read from (path differs between file:// and hdfs://). */
  private static Dataset<Row> comparable(Dataset<Row> table) {
    return table.drop("parse_millis", "path");
  }
}
