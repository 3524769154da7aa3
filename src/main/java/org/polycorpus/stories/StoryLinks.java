package org.polycorpus.stories;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.polycorpus.Columns;
import org.polycorpus.ml.ConnectedComponents;
import org.polycorpus.ml.SingleTask;

/**
 * Documents that tell the same story in different languages, found without translation models:
 * each document's numbers and names ({@link Evidence}) are weighted like TF-IDF, (1 + ln tf)
 * times ln((N + 1) / (df + 1)) + 1 over the corpus, keeping only keys found in at least two
 * languages; two documents of different languages are linked when the cosine of these vectors
 * reaches the threshold and they share at least {@link #MIN_SHARED} keys. Linked documents
 * form stories (connected components). Clusters are aligned across languages by the cosine of
 * their members' summed evidence vectors.
 */
public final class StoryLinks {
  /** On the seeds the same story scores 0.82 to 0.95 between languages, other pairs at most 0.59. */
  public static final double DEFAULT_MIN_SCORE = 0.7;
  /** One shared key could be a coincidence of skeletons; a story shares several. */
  public static final int MIN_SHARED = 3;
  /**
   * A key in more documents than this (at least 100, else 5 % of the corpus) is not used to pair
   * documents: it pairs nearly all of them, at quadratic cost, and its weight is small anyway.
   */
  private static final int MIN_KEY_DOCS_CAP = 100;
  private static final double KEY_DOCS_SHARE = 0.05;
  static final int EVIDENCE_SHOWN = 10;
  private static final StructType KEYS = new StructType().add("key", DataTypes.StringType, false)
      .add("word", DataTypes.StringType, false);

  /** story_links, stories and cluster_links; call {@link #release()} once they are written. */
  public record Tables(Dataset<Row> links, Dataset<Row> stories, Dataset<Row> clusterLinks, List<JavaRDD<?>> cached) {
    public void release() {
      cached.forEach(rdd -> rdd.unpersist(false));
    }
  }

  /** The evidence of a corpus's documents, read and cached by {@link #readAhead}. */
  public record ReadAhead(JavaRDD<Serializable> keys) {
    /** For a run that ends before its stories are found. */
    public void release() {
      keys.unpersist(false);
    }
  }

  private StoryLinks() {}

  /** Builds the story names' transliteration tables in this JVM now ({@link Evidence#warmUp}). */
  public static void warmUpNames() {
    Evidence.warmUp();
  }

  /**
   * {@code documents}: doc_id, language, body of the modelled documents; {@code documentClusters}:
   * doc_id, cluster_id, language.
   */
  public static Tables find(Dataset<Row> documents, Dataset<Row> documentClusters, double minScore) {
    long numDocs = SingleTask.count(documents);
    return numDocs <= InTaskStoryLinks.MAX_DOCS ? InTaskStoryLinks.find(documents, documentClusters, minScore)
        : distributed(documents, documentClusters, minScore, numDocs);
  }

  /**
   * Reads the evidence of {@code documents} (as {@link #find} takes them) into the executors'
   * cache now, so that a run can do it while it fits languages; empty for a corpus too large for
   * one task, whose evidence is read in the joins of {@link #find}.
   */
  public static Optional<ReadAhead> readAhead(Dataset<Row> documents) {
    if (SingleTask.count(documents) > InTaskStoryLinks.MAX_DOCS) {
      return Optional.empty();
    }
    JavaRDD<Serializable> keys = InTaskStoryLinks.keys(documents).persist(StorageLevel.MEMORY_AND_DISK());
    keys.count();
    return Optional.of(new ReadAhead(keys));
  }

  /** {@link #find} of the documents read ahead; their evidence is released with the tables. */
  public static Tables find(ReadAhead evidence, Dataset<Row> documentClusters, double minScore) {
    return InTaskStoryLinks.find(evidence.keys(), documentClusters, minScore);
  }

  /** Keys in more documents than this do not pair documents. */
  static double maxKeyDocs(long numDocs) {
    return Math.max(MIN_KEY_DOCS_CAP, KEY_DOCS_SHARE * numDocs);
  }

  /** The tables by Spark SQL joins and aggregations, for corpora too large for one task. */
  static Tables distributed(Dataset<Row> documents, Dataset<Row> documentClusters, double minScore, long numDocs) {
    var extract = udf(new Extract(), DataTypes.createArrayType(KEYS, false));
    Dataset<Row> keys = documents
        .select(col(Columns.DOC_ID), col(Columns.LANGUAGE), explode(extract.apply(col(Columns.BODY),
            col(Columns.LANGUAGE))).as("k"))
        .groupBy(col(Columns.DOC_ID), col(Columns.LANGUAGE), col("k.key").as("key"))
        .agg(count(lit(1)).as("tf"), min(col("k.word")).as("word"))
        .localCheckpoint();
    Dataset<Row> useful = keys.groupBy("key")
        .agg(countDistinct(Columns.DOC_ID).as("df"), countDistinct(Columns.LANGUAGE).as("languages"))
        .filter(col("languages").geq(2).and(col("df").leq(maxKeyDocs(numDocs))))
        .select(col("key"), log(lit(numDocs + 1.0).divide(col("df").plus(1))).plus(1).as("idf"));
    Dataset<Row> weighted = keys.join(useful, "key")
        .withColumn("w", lit(1.0).plus(log(col("tf"))).multiply(col("idf")))
        .select(Columns.DOC_ID, Columns.LANGUAGE, "key", "word", "w").localCheckpoint();
    // A document's norm towards another language counts only its keys that language also has:
    // Arabic and Persian share many words, which must not dilute an Arabic page's score with German.
    Dataset<Row> keyLanguages = weighted.select(col("key"), col(Columns.LANGUAGE).as("other")).distinct();
    Dataset<Row> norms = weighted.join(keyLanguages, "key").filter(col("other").notEqual(col(Columns.LANGUAGE)))
        .groupBy(Columns.DOC_ID, "other").agg(sqrt(sum(col("w").multiply(col("w")))).as("norm"));

    Dataset<Row> a = weighted.toDF("doc_a", "language_a", "key", "word_a", "w_a");
    Dataset<Row> b = weighted.toDF("doc_b", "language_b", "key", "word_b", "w_b");
    Dataset<Row> scores = a.select("doc_a", "language_a", "key", "w_a").join(b.select("doc_b", "language_b", "key",
            "w_b"), "key")
        .filter(col("language_a").notEqual(col("language_b")).and(col("doc_a").lt(col("doc_b"))))
        .groupBy("doc_a", "language_a", "doc_b", "language_b")
        .agg(sum(col("w_a").multiply(col("w_b"))).as("dot"), count(lit(1)).as("shared_keys"))
        .join(norms.toDF("doc_a", "language_b", "norm_a"), new String[] {"doc_a", "language_b"})
        .join(norms.toDF("doc_b", "language_a", "norm_b"), new String[] {"doc_b", "language_a"})
        .withColumn("score", col("dot").divide(col("norm_a").multiply(col("norm_b"))))
        .filter(col("score").geq(minScore).and(col("shared_keys").geq(MIN_SHARED)));
    // The evidence of the linked pairs only: gathering it for every candidate pair would cost more than scoring.
    Dataset<Row> evidence = scores.select("doc_a", "doc_b").join(a, "doc_a").join(b, new String[] {"doc_b", "key"})
        .groupBy("doc_a", "doc_b")
        .agg(slice(array_sort(collect_list(struct(col("w_a").multiply(col("w_b")).multiply(-1).as("order"),
            col("key"), col("word_a"), col("word_b")))), 1, EVIDENCE_SHOWN).as("ranked"));
    Dataset<Row> links = scores.join(evidence, new String[] {"doc_a", "doc_b"})
        .select(col("doc_a"), col("doc_b"), round(col("score"), 6).as("score"), col("shared_keys"), col("ranked"),
            col("norm_a"), col("norm_b"), col("language_a"), col("language_b"))
        .selectExpr("doc_a", "doc_b", "score", "shared_keys",
            "transform(ranked, r -> named_struct('key', r.key, 'word_a', r.word_a, 'word_b', r.word_b, "
                + "'weight', round(-r.order / (norm_a * norm_b), 6))) as evidence", "language_a", "language_b")
        .localCheckpoint();

    Dataset<Row> edges = links.select(lit(0).as("graph"), col("doc_a").as("a"), col("doc_b").as("b"))
        .union(links.select(lit(0).as("graph"), col("doc_b").as("a"), col("doc_a").as("b")));
    Dataset<Row> languageOf = documents.select(col(Columns.DOC_ID).as("a"), col(Columns.LANGUAGE));
    Dataset<Row> members = ConnectedComponents.smallestReachable(edges, "graph").join(languageOf, "a");
    Dataset<Row> sizes = members.groupBy("label").agg(count(lit(1)).as("size"),
        countDistinct(Columns.LANGUAGE).as("languages"));
    Dataset<Row> stories = members.join(sizes, "label")
        .select(col("label").as("story_id"), col("a").as(Columns.DOC_ID), col(Columns.LANGUAGE), col("size"),
            col("languages"));
    Dataset<Row> docNorms = weighted.groupBy(Columns.DOC_ID).agg(sqrt(sum(col("w").multiply(col("w")))).as("norm"));
    Dataset<Row> unit = weighted.join(docNorms, Columns.DOC_ID).withColumn("u", col("w").divide(col("norm")));
    return new Tables(links, stories, alignClusters(unit, documentClusters), List.of());
  }

  /** Cosine of clusters' summed unit evidence vectors, for clusters of different languages. */
  private static Dataset<Row> alignClusters(Dataset<Row> unit, Dataset<Row> documentClusters) {
    Dataset<Row> clusterKeys = unit.join(documentClusters.select(Columns.DOC_ID, Columns.CLUSTER_ID, Columns.LANGUAGE),
            new String[] {Columns.DOC_ID, Columns.LANGUAGE})
        .groupBy(Columns.LANGUAGE, Columns.CLUSTER_ID, "key").agg(sum("u").as("v"));
    Dataset<Row> clusterNorms = clusterKeys.groupBy(Columns.LANGUAGE, Columns.CLUSTER_ID)
        .agg(sqrt(sum(col("v").multiply(col("v")))).as("norm"));
    Dataset<Row> normalised = clusterKeys.join(clusterNorms, new String[] {Columns.LANGUAGE, Columns.CLUSTER_ID})
        .select(col(Columns.LANGUAGE), col(Columns.CLUSTER_ID), col("key"), col("v").divide(col("norm")).as("v"));
    Dataset<Row> a = normalised.toDF("language_a", "cluster_a", "key", "v_a");
    Dataset<Row> b = normalised.toDF("language_b", "cluster_b", "key", "v_b");
    Dataset<Row> scores = a.join(b, "key").filter(col("language_a").notEqual(col("language_b")))
        .groupBy("language_a", "cluster_a", "language_b", "cluster_b")
        .agg(round(sum(col("v_a").multiply(col("v_b"))), 6).as("score"));
    Dataset<Row> best = scores.groupBy("language_a", "cluster_a", "language_b").agg(max("score").as("best_score"));
    return scores.join(best, new String[] {"language_a", "cluster_a", "language_b"})
        .select(col("language_a"), col("cluster_a"), col("language_b"), col("cluster_b"), col("score"),
            col("score").equalTo(col("best_score")).as("best"));
  }

  /** Each task deserialises its own copy: one transliterator per task. */
  private static final class Extract implements UDF2<String, String, List<Row>> {
    private transient Evidence evidence;

    @Override
    public List<Row> call(String body, String language) {
      if (body == null) {
        return List.of();
      }
      if (evidence == null) {
        evidence = new Evidence();
      }
      List<Row> rows = new ArrayList<>();
      for (Evidence.Key key : evidence.keys(body, language)) {
        rows.add(RowFactory.create(key.key(), key.word()));
      }
      return rows;
    }
  }
}
