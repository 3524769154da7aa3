package org.polycorpus.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
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
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.polycorpus.Columns;
import org.polycorpus.ml.ConnectedComponents;
import org.polycorpus.ml.SingleTask;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

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
  private static final int FEATURES = 1 << 22;

  /** {@code minSimilarity}: Jaccard similarity of shingle sets; {@code shingle}: words per shingle. */
  public record Settings(double minSimilarity, int shingle, long seed) {}

  private NearDuplicates() {}

  /**
   * {@code parts}: doc_id, tokens, language. Returns one row per document-language that has a
   * near-duplicate: language, doc_id, duplicate_of (its group's smallest doc_id; itself for that
   * one) and duplicate_similarity (its highest similarity to another member).
   */
  public static Dataset<Row> find(Dataset<Row> parts, Settings settings) {
    return find(parts, settings, SingleTask.MAX_ROWS);
  }

  /** Up to {@code inTaskParts} parts, pairs and groups are found in one task; beyond, by Spark joins. */
  static Dataset<Row> find(Dataset<Row> parts, Settings settings, long inTaskParts) {
    var shingles = udf(new Shingles(settings.shingle()), DataTypes.createArrayType(DataTypes.StringType, false));
    Dataset<Row> hashed = new HashingTF().setInputCol("shingles").setOutputCol("shingle_set")
        .setNumFeatures(FEATURES).setBinary(true)
        .transform(SingleTask.spread(parts.select(col(Columns.DOC_ID), col(Columns.LANGUAGE), col(Columns.TOKENS)),
                Columns.DOC_ID)
            .select(col(Columns.DOC_ID), col(Columns.LANGUAGE), shingles.apply(col(Columns.TOKENS)).as("shingles"))
            .filter(size(col("shingles")).geq(MIN_SHINGLES)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    MinHashLSHModel lsh = new MinHashLSH().setInputCol("shingle_set").setOutputCol("hashes")
        .setNumHashTables(BANDS * ROWS).setSeed(settings.seed()).fit(hashed);
    if (hashed.count() <= inTaskParts) {
      Dataset<Row> duplicates = InTaskNearDuplicates.find(lsh.transform(hashed)
          .select(Columns.LANGUAGE, Columns.DOC_ID, "shingle_set", "hashes"), settings.minSimilarity()).localCheckpoint();
      hashed.unpersist();
      return duplicates;
    }
    var bands = udf((UDF1<Seq<Vector>, List<String>>) hashes -> bandKeys(CollectionConverters.asJava(hashes)),
        DataTypes.createArrayType(DataTypes.StringType, false));
    Dataset<Row> banded = lsh.transform(hashed)
        .select(col(Columns.LANGUAGE), col(Columns.DOC_ID), explode(bands.apply(col("hashes"))).as("band"));
    Dataset<Row> candidates = banded.toDF(Columns.LANGUAGE, "a", "band")
        .join(banded.toDF(Columns.LANGUAGE, "b", "band"), new String[] {Columns.LANGUAGE, "band"})
        .filter(col("a").lt(col("b"))).select(Columns.LANGUAGE, "a", "b").distinct();
    var jaccard = udf((UDF2<Vector, Vector, Double>) NearDuplicates::jaccard, DataTypes.DoubleType);
    Dataset<Row> sets = hashed.select(Columns.LANGUAGE, Columns.DOC_ID, "shingle_set");
    // Materialised once: the groups, the similarities and the table all read the pairs.
    Dataset<Row> pairs = candidates
        .join(sets.toDF(Columns.LANGUAGE, "a", "set_a"), new String[] {Columns.LANGUAGE, "a"})
        .join(sets.toDF(Columns.LANGUAGE, "b", "set_b"), new String[] {Columns.LANGUAGE, "b"})
        .select(col(Columns.LANGUAGE), col("a"), col("b"), round(jaccard.apply(col("set_a"), col("set_b")), 6)
            .as("similarity"))
        .filter(col("similarity").geq(settings.minSimilarity()))
        .localCheckpoint();
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

  /** "band:h1,h2,h3" for each band of the signature: equal keys mean equal hashes in that band. */
  static List<String> bandKeys(List<Vector> signature) {
    List<String> keys = new ArrayList<>(BANDS);
    for (int band = 0; band < BANDS; band++) {
      StringBuilder key = new StringBuilder().append(band).append(':');
      for (int row = 0; row < ROWS; row++) {
        key.append((long) signature.get(band * ROWS + row).apply(0)).append(',');
      }
      keys.add(key.toString());
    }
    return keys;
  }

  /** Jaccard similarity of two binary vectors' sets of non-zero indices. */
  static double jaccard(Vector a, Vector b) {
    int[] x = a.toSparse().indices();
    int[] y = b.toSparse().indices();
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
