package org.polycorpus.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.polycorpus.Columns;
import org.polycorpus.ml.ConnectedComponents;
import org.polycorpus.ml.SingleTask;

/**
 * Near-duplicate documents within each language: MinHash (Spark MLlib's MinHashLSH) signatures of
 * word shingles of the analysed terms, cut into bands; two texts that agree on every hash of
 * some band are candidates, their exact Jaccard similarity over the hashed shingles is
 * computed, and pairs at or above the threshold are joined into groups (connected components).
 * Each group keeps its smallest doc_id as the copy that is modelled.
 *
 * <p>Bands, not Spark's approxSimilarityJoin: that join makes a pair a candidate when any one
 * hash agrees, so with 8 hashes most pairs of similarity 0.2 are candidates too, and on a corpus
 * of many similar texts the candidates grow with the square of its size.
 */
public final class NearDuplicates {
  private static final String DUPLICATE_OF = Columns.DUPLICATE_OF;
  private static final String SIMILARITY = Columns.DUPLICATE_SIMILARITY;
  private static final String SET = ShingleSignatures.SET;
  /**
   * 15 bands of 3 hashes: a pair is a candidate with probability 1 - (1 - J^3)^15, 0.998 at
   * similarity J = 0.7, 0.11 at J = 0.2.
   */
  static final int BANDS = 15;
  static final int ROWS = 3;
  /**
   * Texts of fewer shingles are not compared: two one-line parts (a shell command quoted in two
   * manuals) are equal without being copies of one another.
   */
  static final int MIN_SHINGLES = 5;

  /** {@code minSimilarity}: Jaccard similarity of shingle sets; {@code shingle}: words per shingle. */
  public record Settings(double minSimilarity, int shingle, long seed) {}

  private NearDuplicates() {}

  /**
   * {@code parts}: doc_id, tokens, language, signed here. Returns one row per document-language
   * that has a near-duplicate: language, doc_id, duplicate_of (its group's smallest doc_id;
   * itself for that one) and duplicate_similarity (its highest similarity to another member).
   * A run signs its parts as it analyses them and calls {@link #findSigned}; tests hold the two
   * equal.
   */
  static Dataset<Row> find(Dataset<Row> parts, Settings settings) {
    return find(parts, settings, SingleTask.MAX_ROWS);
  }

  /** Up to {@code inTaskParts} parts, pairs and groups are found in one task; beyond, by Spark joins. */
  static Dataset<Row> find(Dataset<Row> parts, Settings settings, long inTaskParts) {
    var sign = udf(new ShingleSignatures(settings.shingle(), settings.seed()), ShingleSignatures.SCHEMA);
    Dataset<Row> signed = SingleTask.spread(parts.select(col(Columns.DOC_ID), col(Columns.LANGUAGE),
            col(Columns.TOKENS)), Columns.DOC_ID)
        .select(col(Columns.DOC_ID), col(Columns.LANGUAGE), sign.apply(col(Columns.TOKENS)).as("signature"))
        .filter(col("signature").isNotNull())
        .select(col(Columns.DOC_ID), col(Columns.LANGUAGE), col("signature." + SET).as(SET),
            col("signature." + ShingleSignatures.BANDS).as(ShingleSignatures.BANDS));
    return findSigned(signed, settings.minSimilarity(), inTaskParts);
  }

  /**
   * The signatures of a text's language parts (language, tokens, surfaces), those long enough to
   * compare: an array of language, shingle_set and bands. Exploded next to the doc_id, they are
   * what {@link #findSigned} reads.
   */
  public static Column signatures(Column parts, Settings settings) {
    // Only the languages and tokens reach the function: Spark hands it every string it is given.
    return udf(new PartSignatures(settings.shingle(), settings.seed()), DataTypes.createArrayType(PartSignatures.PART,
        false)).apply(transform(parts, part -> part.getField(Columns.LANGUAGE)),
        transform(parts, part -> part.getField(Columns.TOKENS)));
  }

  /** {@link #find} of parts signed by {@link #signatures}: doc_id, language, shingle_set, bands. */
  public static Dataset<Row> findSigned(Dataset<Row> signed, Settings settings) {
    return findSigned(signed, settings.minSimilarity(), SingleTask.MAX_ROWS);
  }

  private static Dataset<Row> findSigned(Dataset<Row> rows, double minSimilarity, long inTaskParts) {
    Dataset<Row> signed = rows.select(Columns.DOC_ID, Columns.LANGUAGE, SET, ShingleSignatures.BANDS)
        .persist(StorageLevel.MEMORY_AND_DISK());
    if (SingleTask.count(signed) <= inTaskParts) {
      Dataset<Row> duplicates = InTaskNearDuplicates.find(
          signed.select(Columns.LANGUAGE, Columns.DOC_ID, SET, ShingleSignatures.BANDS), minSimilarity)
          .localCheckpoint();
      signed.unpersist();
      return duplicates;
    }
    Dataset<Row> banded = signed
        .select(col(Columns.LANGUAGE), col(Columns.DOC_ID), explode(col(ShingleSignatures.BANDS)).as("band"));
    Dataset<Row> candidates = banded.toDF(Columns.LANGUAGE, "a", "band")
        .join(banded.toDF(Columns.LANGUAGE, "b", "band"), new String[] {Columns.LANGUAGE, "band"})
        .filter(col("a").lt(col("b"))).select(Columns.LANGUAGE, "a", "b").distinct();
    var jaccard = udf((UDF2<byte[], byte[], Double>) (a, b) -> jaccard(ints(a), ints(b)),
        DataTypes.DoubleType);
    Dataset<Row> sets = signed.select(Columns.LANGUAGE, Columns.DOC_ID, SET);
    // Materialised once: the groups, the similarities and the table all read the pairs.
    Dataset<Row> pairs = candidates
        .join(sets.toDF(Columns.LANGUAGE, "a", "set_a"), new String[] {Columns.LANGUAGE, "a"})
        .join(sets.toDF(Columns.LANGUAGE, "b", "set_b"), new String[] {Columns.LANGUAGE, "b"})
        .select(col(Columns.LANGUAGE), col("a"), col("b"), round(jaccard.apply(col("set_a"), col("set_b")), 6)
            .as("similarity"))
        .filter(col("similarity").geq(minSimilarity))
        .localCheckpoint();
    signed.unpersist();
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

  /** Jaccard similarity of two sorted sets of distinct shingle hashes. */
  static double jaccard(int[] x, int[] y) {
    int both = 0;
    for (int i = 0, j = 0; i < x.length && j < y.length; ) {
      if (x[i] == y[j]) {
        both++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) both / (x.length + y.length - both);
  }

  /** A shingle set of {@link ShingleSignatures}, sorted. */
  static int[] ints(byte[] set) {
    return SortedInts.decode(set);
  }
}
