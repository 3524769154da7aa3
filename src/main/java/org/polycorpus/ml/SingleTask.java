package org.polycorpus.ml;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.polycorpus.features.InTaskVocabulary;

/**
 * Fits a stage of a small dataset inside one Spark task: the rows are gathered into one
 * partition, the work runs there, and only its result (model parameters) returns to the
 * driver. Spark's distributed estimators run a job per pass or iteration; below
 * {@link #MAX_ROWS} rows those jobs, not the arithmetic, are the cost.
 */
public final class SingleTask {
  /** Strings as Spark orders them (by their UTF-8 bytes), nulls first: the order of {@link #countBy}. */
  public static final Comparator<String> SPARK_ORDER_NULLS_FIRST = Comparator.nullsFirst(InTaskVocabulary.SPARK_ORDER);

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

  /**
   * Rows per distinct combination of {@code columns} (strings), as (values..., count) rows in
   * Spark's order of the values, nulls first, counted in one Spark job: each partition sends
   * back its counts, a number per combination. Spark's groupBy and orderBy run as a shuffle
   * and a sort, several jobs under adaptive execution. For columns of few distinct values.
   */
  public static List<Row> countBy(Dataset<Row> rows, String... columns) {
    List<Map<List<String>, Long>> partials = rows.selectExpr(columns).javaRDD()
        .mapPartitions((Iterator<Row> partition) -> {
          Map<List<String>, Long> counts = new HashMap<>();
          partition.forEachRemaining(row -> {
            String[] key = new String[row.length()];
            for (int i = 0; i < key.length; i++) {
              key[i] = row.getString(i);
            }
            counts.merge(Arrays.asList(key), 1L, Long::sum);
          });
          return List.of(counts).iterator();
        }).collect();
    Map<List<String>, Long> counts = new TreeMap<>((a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        int compared = SPARK_ORDER_NULLS_FIRST.compare(a.get(i), b.get(i));
        if (compared != 0) {
          return compared;
        }
      }
      return 0;
    });
    partials.forEach(partial -> partial.forEach((key, count) -> counts.merge(key, count, Long::sum)));
    List<Row> counted = new ArrayList<>();
    counts.forEach((key, count) -> {
      List<Object> values = new ArrayList<>(key);
      values.add(count);
      counted.add(RowFactory.create(values.toArray()));
    });
    return counted;
  }

  /** Rows arrive in the dataset's partition order, so a sorted dataset gives a deterministic result. */
  public static <T> T run(Dataset<Row> rows, Work<T> work) {
    return rows.javaRDD().coalesce(1)
        .mapPartitions((Iterator<Row> partition) -> List.of(work.apply(partition)).iterator())
        .collect().get(0);
  }
}
