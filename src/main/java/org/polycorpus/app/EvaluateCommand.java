package org.polycorpus.app;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.Columns;
import org.polycorpus.output.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code polycorpus evaluate}: the quality figures of a finished run, from its tables, as
 * Markdown: mixed-language documents, near-duplicates, clusters and topics per language, and
 * story links, scored against known translations when the corpus has them.
 */
@Command(name = "evaluate", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = "Prints the quality figures of the run under --output: languages, mixed documents, "
        + "near-duplicates, silhouette and coherence per language, story links.")
final class EvaluateCommand implements Callable<Integer> {
  @Mixin
  FinishedRun run = new FinishedRun();

  @Option(names = "--translations-by-file-name", description = "The corpus holds translations as files of the "
      + "same name in different folders (one folder per language): score story links against them.")
  boolean translationsByFileName;

  @Mixin
  SessionOptions session = new SessionOptions();

  @Override
  public Integer call() throws Exception {
    return run.read(session, (spark, output) -> System.out.print(evaluate(spark)));
  }

  private String evaluate(SparkSession spark) {
    StringBuilder text = new StringBuilder();
    Dataset<Row> documents = table(spark, Tables.DOCUMENTS).filter(col(Columns.STATUS).equalTo("ok"));
    Row mixed = documents.agg(count(lit(1)), sum(size(col(Columns.LANGUAGES)).gt(1).cast("int")),
        sum(col(Columns.CHAR_COUNT)), count(col(Columns.DUPLICATE_OF))).first();
    double otherChars = documents.select(col(Columns.LANGUAGE), col(Columns.CHAR_COUNT),
            explode(col(Columns.LANGUAGES)).as("l"))
        .filter(col("l.language").notEqual(col(Columns.LANGUAGE)))
        .agg(coalesce(sum(col("l.share").multiply(col(Columns.CHAR_COUNT))), lit(0.0))).first().getDouble(0);
    Row duplicates = table(spark, Tables.DUPLICATE_GROUPS)
        .agg(countDistinct("language", "group_id"), sum(col("kept").equalTo(false).cast("int"))).first();
    text.append(String.format(Locale.ROOT, "## Documents%n%n"
            + "- %d documents read, %d of them with lines in more than one language; %.1f %% of all characters "
            + "moved to another language than their document's%n"
            + "- %d near-duplicate groups; %d copies (a document's text in one language) left out of the models, "
            + "%d of them whole documents%n%n",
        mixed.getLong(0), mixed.isNullAt(1) ? 0 : mixed.getLong(1),
        mixed.isNullAt(2) ? 0 : 100.0 * otherChars / mixed.getLong(2),
        duplicates.getLong(0), duplicates.isNullAt(1) ? 0 : duplicates.getLong(1), mixed.getLong(3)));

    text.append("## Clusters and topics per language\n\n"
        + "| language | documents | k | silhouette | cluster NPMI | topic NPMI |\n|---|---|---|---|---|---|\n");
    Dataset<Row> sweep = table(spark, Tables.RUNS).select(explode(col("k_sweep")).as("s"))
        .filter(col("s.chosen")).select(col("s.language").as(Columns.LANGUAGE), col("s.k").as("k"),
            col("s.silhouette").as("silhouette"));
    Dataset<Row> clusters = table(spark, Tables.CLUSTERS).groupBy(Columns.LANGUAGE)
        .agg(sum("size").as("documents"), avg("coherence").as("cluster_npmi"));
    Dataset<Row> topics = table(spark, Tables.TOPICS).select(Columns.LANGUAGE, "topic_id", "coherence").distinct()
        .groupBy(Columns.LANGUAGE).agg(avg("coherence").as("topic_npmi"));
    Dataset<Row> perLanguage = clusters.join(sweep, Columns.LANGUAGE).join(topics, Columns.LANGUAGE)
        .select(Columns.LANGUAGE, "documents", "k", "silhouette", "cluster_npmi", "topic_npmi");
    for (Row row : perLanguage.orderBy(Columns.LANGUAGE).collectAsList()) {
      text.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s |%n", row.getString(0), row.getLong(1),
          row.getInt(2), number(row, 3), number(row, 4), number(row, 5)));
    }
    Row means = perLanguage.filter(col("documents").geq(2))
        .agg(count(lit(1)), avg("silhouette"), avg("cluster_npmi"), avg("topic_npmi")).first();
    text.append(String.format(Locale.ROOT, "%nMean over the %d languages of at least 2 documents: silhouette %s, "
        + "cluster NPMI %s, topic NPMI %s%n", means.getLong(0), number(means, 1), number(means, 2), number(means, 3)));

    Dataset<Row> links = table(spark, Tables.STORY_LINKS);
    Row stories = table(spark, Tables.STORIES).agg(countDistinct("story_id"), count(lit(1))).first();
    text.append(String.format(Locale.ROOT, "%n## Stories across languages%n%n"
            + "- %d story links; stories: %d, joining %d documents%n", links.count(), stories.getLong(0),
        stories.getLong(1)));
    if (translationsByFileName) {
      text.append(translations(documents, links));
    }
    return text.toString();
  }

  /**
   * Precision and recall of the links against files of one name in several language folders.
   * Near-duplicate copies are not linked (their group's kept document is), so they are not
   * expected to be.
   */
  private static String translations(Dataset<Row> documents, Dataset<Row> links) {
    Dataset<Row> named = documents.filter(col(Columns.DUPLICATE_OF).isNull()).select(col(Columns.DOC_ID), col(Columns.LANGUAGE),
        element_at(split(col(Columns.RELATIVE_PATH), "/"), -1).as("name"));
    Dataset<Row> truth = named.toDF("doc_a", "language_a", "name").join(named.toDF("doc_b", "language_b", "name"),
        "name").filter(col("doc_a").lt(col("doc_b")).and(col("language_a").notEqual(col("language_b"))))
        .select("doc_a", "doc_b");
    long truePairs = truth.count();
    long found = links.count();
    long correct = links.select("doc_a", "doc_b").join(truth, new String[] {"doc_a", "doc_b"}).count();
    return String.format(Locale.ROOT, "- against translations (same file name, different language): "
            + "precision %.3f (%d of %d links), recall %.3f (%d of %d translation pairs)%n",
        found == 0 ? Double.NaN : (double) correct / found, correct, found,
        truePairs == 0 ? Double.NaN : (double) correct / truePairs, correct, truePairs);
  }

  private Dataset<Row> table(SparkSession spark, String name) {
    return spark.read().parquet(run.table(name));
  }

  private static String number(Row row, int field) {
    return row.isNullAt(field) ? "n/a" : String.format(Locale.ROOT, "%.3f", row.getDouble(field));
  }
}
