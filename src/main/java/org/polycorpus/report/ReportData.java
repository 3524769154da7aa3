package org.polycorpus.report;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.polycorpus.Columns;
import org.polycorpus.ingest.DocumentStatus;
import org.polycorpus.output.Tables;

/**
 * What the report shows, read from a run's tables. Only aggregates reach the driver, plus a
 * bounded sample of each language's documents for the map.
 */
final class ReportData {
  /** Words per language in the top-terms chart. */
  static final int TOP_WORDS = 15;
  /** Documents per language drawn on the map; larger languages show a sample, by doc_id. */
  static final int MAP_POINTS = 2_000;

  private ReportData() {}

  /** A JSON-ready tree of the run under {@code tables} (a run's output or staging folder). */
  static Map<String, Object> read(SparkSession spark, String tables) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("run", run(spark.read().parquet(tables + "/" + Tables.RUNS)));
    Dataset<Row> documents = spark.read().parquet(tables + "/" + Tables.DOCUMENTS);
    data.put("languages", rows(documents.groupBy(Columns.LANGUAGE)
        .agg(count(lit(1)).as("documents"),
            sum(col(Columns.STATUS).equalTo(DocumentStatus.OK).cast("long")).as("ok"),
            sum(Columns.BYTE_SIZE).as("bytes"), sum(Columns.CHAR_COUNT).as("chars"),
            sum(Columns.BOILERPLATE_CHARS).as("boilerplate_chars"), sum(Columns.TOKEN_COUNT).as("terms"))
        .orderBy(Columns.LANGUAGE)));
    data.put("statuses", rows(documents.groupBy(Columns.LANGUAGE, Columns.STATUS).agg(count(lit(1)).as("documents"))
        .orderBy(Columns.LANGUAGE, Columns.STATUS)));
    data.put("problems", rows(documents.filter(col(Columns.STATUS).notEqual(DocumentStatus.OK))
        .groupBy(Columns.STATUS, Columns.ERROR)
        .agg(count(lit(1)).as("documents"), min(Columns.RELATIVE_PATH).as("example"))
        .orderBy(col("documents").desc(), col(Columns.STATUS), col(Columns.ERROR))));
    data.put("top_words", byLanguage(spark.read().parquet(tables + "/" + Tables.DOCUMENT_TERMS)
        .groupBy(Columns.LANGUAGE, "word").agg(sum("tfidf").as("weight"), count(lit(1)).as("documents")),
        col("weight").desc(), TOP_WORDS));
    data.put("clusters", byLanguage(spark.read().parquet(tables + "/" + Tables.CLUSTERS),
        col(Columns.CLUSTER_ID), Integer.MAX_VALUE));
    data.put("topics", byLanguage(spark.read().parquet(tables + "/" + Tables.TOPICS)
        .groupBy(Columns.LANGUAGE, "topic_id")
        .agg(array_sort(collect_list(struct(col("rank"), col("word"), col("weight")))).as("terms")),
        col("topic_id"), Integer.MAX_VALUE));
    Dataset<Row> titles = documents.select(col(Columns.DOC_ID), col(Columns.RELATIVE_PATH), col(Columns.TITLE));
    data.put("map", byLanguage(spark.read().parquet(tables + "/" + Tables.DOCUMENT_CLUSTERS)
        .join(titles, Columns.DOC_ID)
        .select(col(Columns.LANGUAGE), col(Columns.DOC_ID), col(Columns.CLUSTER_ID), col("x"), col("y"),
            col(Columns.RELATIVE_PATH), col(Columns.TITLE)),
        col(Columns.DOC_ID), MAP_POINTS));
    return data;
  }

  private static Map<String, Object> run(Dataset<Row> runs) {
    Row run = runs.first();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String name : List.of("run_id", "started_at", "finished_at", "input", "output", "master", "app_id",
        "executors")) {
      fields.put(name, String.valueOf(run.<Object>getAs(name)));
    }
    fields.put("parameters", new TreeMap<>(run.<String, String>getJavaMap(run.fieldIndex("parameters"))));
    fields.put("versions", new TreeMap<>(run.<String, String>getJavaMap(run.fieldIndex("versions"))));
    fields.put("stage_seconds", new TreeMap<>(run.<String, Double>getJavaMap(run.fieldIndex("stage_seconds"))));
    return fields;
  }

  /** The first {@code limit} rows of each language in {@code order}, grouped by language. */
  private static Map<String, List<Map<String, Object>>> byLanguage(Dataset<Row> table,
      Column order, int limit) {
    Dataset<Row> ranked = table
        .withColumn("_n", row_number().over(Window.partitionBy(Columns.LANGUAGE).orderBy(order)))
        .filter(col("_n").leq(limit)).orderBy(col(Columns.LANGUAGE), col("_n")).drop("_n");
    Map<String, List<Map<String, Object>>> grouped = new TreeMap<>();
    for (Map<String, Object> row : rows(ranked)) {
      grouped.computeIfAbsent((String) row.remove(Columns.LANGUAGE), language -> new ArrayList<>()).add(row);
    }
    return grouped;
  }

  private static List<Map<String, Object>> rows(Dataset<Row> table) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row row : table.collectAsList()) {
      rows.add(values(row));
    }
    return rows;
  }

  private static Map<String, Object> values(Row row) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : row.schema().fieldNames()) {
      values.put(name, json(row.getAs(name)));
    }
    return values;
  }

  private static Object json(Object value) {
    if (value instanceof Row nested) {
      return values(nested);
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      List<Object> list = new ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(item -> list.add(json(item)));
      return list;
    }
    return value;
  }
}
