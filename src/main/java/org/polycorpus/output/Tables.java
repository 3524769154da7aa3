package org.polycorpus.output;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.Columns;

/**
 * The output tables, their columns in order, and how they are partitioned. The README's table
 * reference documents the same columns; a test keeps the two in step.
 */
public final class Tables {
  public static final String DOCUMENTS = "documents";
  public static final String DOCUMENT_TERMS = "document_terms";
  public static final String CLUSTERS = "clusters";
  public static final String DOCUMENT_CLUSTERS = "document_clusters";
  public static final String TOPICS = "topics";
  public static final String DOCUMENT_TOPICS = "document_topics";
  public static final String DUPLICATE_GROUPS = "duplicate_groups";
  public static final String STORY_LINKS = "story_links";
  public static final String STORIES = "stories";
  public static final String CLUSTER_LINKS = "cluster_links";
  public static final String RUNS = "runs";
  public static final String MODELS = "models";

  public static final StructType DOCUMENTS_SCHEMA = new StructType()
      .add(Columns.DOC_ID, StringType, false)
      .add(Columns.PATH, StringType, false)
      .add(Columns.RELATIVE_PATH, StringType, false)
      .add(Columns.LANGUAGE_CONFIDENCE, DoubleType, false)
      .add(Columns.STATUS, StringType, false)
      .add(Columns.ERROR, StringType, true)
      .add(Columns.CONTENT_TYPE, StringType, true)
      .add(Columns.TITLE, StringType, true)
      .add(Columns.CHARSET, StringType, true)
      .add(Columns.BYTE_SIZE, LongType, false)
      .add(Columns.CHAR_COUNT, IntegerType, false)
      .add(Columns.TOKEN_COUNT, IntegerType, false)
      .add(Columns.BOILERPLATE_CHARS, IntegerType, false)
      .add(Columns.TRUNCATED, BooleanType, false)
      .add(Columns.PARSE_MILLIS, LongType, false)
      .add(Columns.SHA256, StringType, true)
      .add(Columns.DUPLICATE_OF, StringType, true)
      .add(Columns.DUPLICATE_SIMILARITY, DoubleType, true)
      .add(Columns.LANGUAGES, createArrayType(new StructType()
          .add(Columns.LANGUAGE, StringType, false)
          .add("share", DoubleType, false), false), false)
      .add(Columns.LANGUAGE, StringType, false);

  public static final StructType DOCUMENT_TERMS_SCHEMA = new StructType()
      .add(Columns.DOC_ID, StringType, false)
      .add("term", StringType, false)
      .add("word", StringType, false)
      .add("rank", IntegerType, false)
      .add("tf", IntegerType, false)
      .add("tfidf", DoubleType, false)
      .add(Columns.LANGUAGE, StringType, false);

  public static final StructType CLUSTERS_SCHEMA = new StructType()
      .add(Columns.CLUSTER_ID, IntegerType, false)
      .add("size", LongType, false)
      .add("label_terms", createArrayType(StringType, false), false)
      .add("silhouette", DoubleType, true)
      .add("coherence", DoubleType, true)
      .add(Columns.LANGUAGE, StringType, false);

  public static final StructType DOCUMENT_CLUSTERS_SCHEMA = new StructType()
      .add(Columns.DOC_ID, StringType, false)
      .add(Columns.CLUSTER_ID, IntegerType, false)
      .add("similarity", DoubleType, false)
      .add("x", DoubleType, false)
      .add("y", DoubleType, false)
      .add(Columns.LANGUAGE, StringType, false);

  public static final StructType TOPICS_SCHEMA = new StructType()
      .add("topic_id", IntegerType, false)
      .add("term", StringType, false)
      .add("word", StringType, false)
      .add("rank", IntegerType, false)
      .add("weight", DoubleType, false)
      .add("coherence", DoubleType, true)
      .add(Columns.LANGUAGE, StringType, false);

  public static final StructType DOCUMENT_TOPICS_SCHEMA = new StructType()
      .add(Columns.DOC_ID, StringType, false)
      .add("topic_id", IntegerType, false)
      .add("weight", DoubleType, false)
      .add(Columns.LANGUAGE, StringType, false);

  public static final StructType DUPLICATE_GROUPS_SCHEMA = new StructType()
      .add("group_id", StringType, false)
      .add(Columns.DOC_ID, StringType, false)
      .add("kept", BooleanType, false)
      .add("similarity", DoubleType, false)
      .add("size", LongType, false)
      .add(Columns.LANGUAGE, StringType, false);

  public static final StructType STORY_LINKS_SCHEMA = new StructType()
      .add("doc_a", StringType, false)
      .add("doc_b", StringType, false)
      .add("score", DoubleType, false)
      .add("shared_keys", LongType, false)
      .add("evidence", createArrayType(new StructType()
          .add("key", StringType, false)
          .add("word_a", StringType, false)
          .add("word_b", StringType, false)
          .add("weight", DoubleType, false), false), false)
      .add("language_a", StringType, false)
      .add("language_b", StringType, false);

  public static final StructType STORIES_SCHEMA = new StructType()
      .add("story_id", StringType, false)
      .add(Columns.DOC_ID, StringType, false)
      .add(Columns.LANGUAGE, StringType, false)
      .add("size", LongType, false)
      .add("languages", LongType, false);

  public static final StructType CLUSTER_LINKS_SCHEMA = new StructType()
      .add("language_a", StringType, false)
      .add("cluster_a", IntegerType, false)
      .add("language_b", StringType, false)
      .add("cluster_b", IntegerType, false)
      .add("score", DoubleType, false)
      .add("best", BooleanType, false);

  public static final StructType RUNS_SCHEMA = new StructType()
      .add("run_id", StringType, false)
      .add("started_at", TimestampType, false)
      .add("finished_at", TimestampType, false)
      .add("input", StringType, false)
      .add("output", StringType, false)
      .add("master", StringType, false)
      .add("app_id", StringType, false)
      .add("executors", IntegerType, false)
      .add("parameters", createMapType(StringType, StringType, false), false)
      .add("versions", createMapType(StringType, StringType, false), false)
      .add("counts", createArrayType(new StructType()
          .add(Columns.LANGUAGE, StringType, false)
          .add(Columns.STATUS, StringType, false)
          .add("documents", LongType, false), false), false)
      .add("stage_seconds", createMapType(StringType, DoubleType, false), false)
      .add("k_sweep", createArrayType(new StructType()
          .add(Columns.LANGUAGE, StringType, false)
          .add("k", IntegerType, false)
          .add("silhouette", DoubleType, true)
          .add("chosen", BooleanType, false), false), false);

  /** Every table by name, in the order the README lists them. */
  public static final Map<String, StructType> SCHEMAS = orderedSchemas();

  /** Tables written with {@code partitionBy("language")}. */
  public static final List<String> PARTITIONED_BY_LANGUAGE =
      List.of(DOCUMENTS, DOCUMENT_TERMS, CLUSTERS, DOCUMENT_CLUSTERS, TOPICS, DOCUMENT_TOPICS);

  private Tables() {}

  private static Map<String, StructType> orderedSchemas() {
    Map<String, StructType> schemas = new LinkedHashMap<>();
    schemas.put(DOCUMENTS, DOCUMENTS_SCHEMA);
    schemas.put(DOCUMENT_TERMS, DOCUMENT_TERMS_SCHEMA);
    schemas.put(CLUSTERS, CLUSTERS_SCHEMA);
    schemas.put(DOCUMENT_CLUSTERS, DOCUMENT_CLUSTERS_SCHEMA);
    schemas.put(TOPICS, TOPICS_SCHEMA);
    schemas.put(DOCUMENT_TOPICS, DOCUMENT_TOPICS_SCHEMA);
    schemas.put(DUPLICATE_GROUPS, DUPLICATE_GROUPS_SCHEMA);
    schemas.put(STORY_LINKS, STORY_LINKS_SCHEMA);
    schemas.put(STORIES, STORIES_SCHEMA);
    schemas.put(CLUSTER_LINKS, CLUSTER_LINKS_SCHEMA);
    schemas.put(RUNS, RUNS_SCHEMA);
    return java.util.Collections.unmodifiableMap(schemas);
  }

  /** The columns of a table in the order it is written (partition column last, as Spark reads it). */
  public static String[] columns(String table) {
    return SCHEMAS.get(table).fieldNames();
  }
}
