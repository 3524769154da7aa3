package org.polycorpus.ml;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Fits a stage of a small dataset inside one Spark task: the rows are gathered into one
 * partition, the work runs there, and only its result (model parameters) returns to the
 * driver. Spark's distributed estimators run a job per pass or iteration; below
 * {@link #MAX_ROWS} rows those jobs, not the arithmetic, are the cost.
 */
public final class SingleTask {
  /** Larger datasets are fitted with Spark's distributed estimators. */
  public static final long MAX_ROWS = 20_000;

  /** The work done on all rows of the dataset, in the task. */
  @FunctionalInterface
  public interface Work<T> extends Serializable {
    T apply(Iterator<Row> rows) throws Exception;
  }

  private SingleTask() {}

  /**
   * The rows hashed by {@code column} over every core, for the per-row work before a one-task
   * step: inputs arrive a file per language, and a large language would be read in one task.
   */
  public static Dataset<Row> spread(Dataset<Row> rows, String column) {
    return rows.repartition(rows.sparkSession().sparkContext().defaultParallelism(), rows.col(column));
  }

  /**
   * The number of rows, which decides whether a step fits in one task, counted in one Spark
   * job: {@code Dataset.count()} aggregates through a shuffle, which adaptive execution runs as
   * two jobs or more, each waiting for a free core.
   */
  public static long count(Dataset<Row> rows) {
    return rows.select(functions.lit(1)).javaRDD().count();
  }

  /** Rows arrive in the dataset's partition order, so a sorted dataset gives a deterministic result. */
  public static <T> T run(Dataset<Row> rows, Work<T> work) {
    return rows.javaRDD().coalesce(1)
        .mapPartitions((Iterator<Row> partition) -> List.of(work.apply(partition)).iterator())
        .collect().get(0);
  }
}
