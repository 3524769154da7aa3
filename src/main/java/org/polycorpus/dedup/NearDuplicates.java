package org.polycorpus.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.polycorpus.Columns;
import org.polycorpus.ml.ConnectedComponents;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Near-duplicate documents within each language: MinHash LSH (Spark MLlib) over word shingles of
 * the analysed terms finds candidate pairs, Spark computes their exact Jaccard similarity over the
 * hashed shingles, and pairs at or above the threshold are joined into groups (connected
 * components). Each group keeps its smallest doc_id as the copy that is modelled.
 */
public final class NearDuplicates {
  private static final String DUPLICATE_OF = Columns.DUPLICATE_OF;
  private static final String SIMILARITY = Columns.DUPLICATE_SIMILARITY;
  /** Each table is one MinHash: a pair of similarity 0.7 is a candidate with probability 1 - 0.3^8. */
  public static final int HASH_TABLES = 8;
  /**
   * Texts of fewer shingles are not compared: two one-line parts (a shell command quoted in two
   * manuals) are equal without being copies of one another.
   */
  static final int MIN_SHINGLES = 5;
  private static final int FEATURES = 1 << 22;

  /** {@code minSimilarity}: Jaccard similarity of shingle sets; {@code shingle}: words per shingle. */
  public record Settings(double minSimilarity, int shingle, int hashTables, long seed) {}

  private NearDuplicates() {}

  /**
   * {@code parts}: doc_id, tokens, language. Returns one row per document-language that has a
   * near-duplicate: language, doc_id, duplicate_of (its group's smallest doc_id; itself for that
   * one) and duplicate_similarity (its highest similarity to another member).
   */
  public static Dataset<Row> find(Dataset<Row> parts, Settings settings) {
    var shingles = udf(new Shingles(settings.shingle()), DataTypes.createArrayType(DataTypes.StringType, false));
    Dataset<Row> hashed = new HashingTF().setInputCol("shingles").setOutputCol("shingle_set")
        .setNumFeatures(FEATURES).setBinary(true)
        .transform(parts.select(col(Columns.DOC_ID), col(Columns.LANGUAGE),
            shingles.apply(col(Columns.TOKENS)).as("shingles")).filter(size(col("shingles")).geq(MIN_SHINGLES)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    MinHashLSHModel lsh = new MinHashLSH().setInputCol("shingle_set").setOutputCol("hashes")
        .setNumHashTables(settings.hashTables()).setSeed(settings.seed()).fit(hashed);
    // Materialised once: the groups, the similarities and the table all read the pairs.
    Dataset<Row> pairs = lsh.approxSimilarityJoin(hashed, hashed, 1.0 - settings.minSimilarity() + 1e-9, "distance")
        .select(col("datasetA." + Columns.LANGUAGE).as(Columns.LANGUAGE), col("datasetA.doc_id").as("a"),
            col("datasetB.doc_id").as("b"), col("datasetB." + Columns.LANGUAGE).as("language_b"),
            round(lit(1.0).minus(col("distance")), 6).as("similarity"))
        .filter(col(Columns.LANGUAGE).equalTo(col("language_b")).and(col("a").lt(col("b"))))
        .drop("language_b").localCheckpoint();
    hashed.unpersist();
    Dataset<Row> edges = pairs.select(Columns.LANGUAGE, "a", "b")
        .union(pairs.select(col(Columns.LANGUAGE), col("b").as("a"), col("a").as("b")));
    Dataset<Row> similarity = pairs.select(Columns.LANGUAGE, "a", "similarity")
        .union(pairs.select(col(Columns.LANGUAGE), col("b").as("a"), col("similarity")))
        .groupBy(Columns.LANGUAGE, "a").agg(max("similarity").as(SIMILARITY));
    return ConnectedComponents.smallestReachable(edges, Columns.LANGUAGE)
        .join(similarity, new String[] {Columns.LANGUAGE, "a"})
        .select(col(Columns.LANGUAGE), col("a").as(Columns.DOC_ID), col("label").as(DUPLICATE_OF), col(SIMILARITY))
        .localCheckpoint();
  }

  /** The duplicate_groups table from {@link #find}: one row per member, with the group's size. */
  public static Dataset<Row> groups(Dataset<Row> duplicates) {
    Dataset<Row> sizes = duplicates.groupBy(Columns.LANGUAGE, DUPLICATE_OF).agg(count(lit(1)).as("size"));
    return duplicates.join(sizes, new String[] {Columns.LANGUAGE, DUPLICATE_OF})
        .select(col(DUPLICATE_OF).as("group_id"), col(Columns.DOC_ID),
            col(Columns.DOC_ID).equalTo(col(DUPLICATE_OF)).as("kept"), col(SIMILARITY).as("similarity"),
            col("size"), col(Columns.LANGUAGE));
  }

  /** {@code parts} without the copies a duplicate group does not keep. */
  public static Dataset<Row> keptOnly(Dataset<Row> parts, Dataset<Row> groups) {
    return parts.join(groups.filter(col("kept").equalTo(false)).select(Columns.LANGUAGE, Columns.DOC_ID),
        new String[] {Columns.LANGUAGE, Columns.DOC_ID}, "left_anti");
  }

  /** Adds duplicate_of and duplicate_similarity for copies in the document's own language; null otherwise. */
  public static Dataset<Row> markDocuments(Dataset<Row> documents, Dataset<Row> groups) {
    Dataset<Row> copies = groups.filter(col("kept").equalTo(false)).select(col(Columns.LANGUAGE),
        col(Columns.DOC_ID), col("group_id").as(DUPLICATE_OF), col("similarity").as(SIMILARITY));
    return documents.join(copies, new String[] {Columns.DOC_ID, Columns.LANGUAGE}, "left");
  }

  /** For documents no duplicate search ran on (scoring): both columns null. */
  public static Dataset<Row> unmarked(Dataset<Row> documents) {
    return documents.withColumn(DUPLICATE_OF, lit(null).cast(DataTypes.StringType))
        .withColumn(SIMILARITY, lit(null).cast(DataTypes.DoubleType));
  }

  /** Runs of {@code size} consecutive terms; a shorter text is one shingle of all its terms. */
  private static final class Shingles implements UDF1<Seq<String>, List<String>> {
    private final int size;

    Shingles(int size) {
      this.size = size;
    }

    @Override
    public List<String> call(Seq<String> tokens) {
      List<String> terms = CollectionConverters.asJava(tokens);
      List<String> shingles = new ArrayList<>();
      if (terms.isEmpty()) {
        return shingles;
      }
      if (terms.size() <= size) {
        shingles.add(String.join(" ", terms));
        return shingles;
      }
      for (int i = 0; i + size <= terms.size(); i++) {
        shingles.add(String.join(" ", terms.subList(i, i + size)));
      }
      return shingles;
    }
  }
}
