package org.polycorpus;

/** Column names shared by the stages and the output tables; the README documents each. */
public final class Columns {
  public static final String DOC_ID = "doc_id";
  public static final String PATH = "path";
  public static final String RELATIVE_PATH = "relative_path";
  public static final String LANGUAGE = "language";
  /** Each language of a document with its share of the characters. */
  public static final String LANGUAGES = "languages";
  /** The kept copy of a near-duplicate document, in the document's language; null for the rest. */
  public static final String DUPLICATE_OF = "duplicate_of";
  public static final String DUPLICATE_SIMILARITY = "duplicate_similarity";
  public static final String LANGUAGE_CONFIDENCE = "language_confidence";
  public static final String STATUS = "status";
  public static final String ERROR = "error";
  public static final String CONTENT_TYPE = "content_type";
  public static final String TITLE = "title";
  public static final String CHARSET = "charset";
  public static final String BYTE_SIZE = "byte_size";
  public static final String CHAR_COUNT = "char_count";
  public static final String TOKEN_COUNT = "token_count";
  public static final String BOILERPLATE_CHARS = "boilerplate_chars";
  public static final String SHA256 = "sha256";
  public static final String TRUNCATED = "truncated";
  public static final String PARSE_MILLIS = "parse_millis";
  /** Extracted text after Unicode and whitespace normalisation (work column). */
  public static final String TEXT = "text";
  /** Text after boilerplate removal (work column). */
  public static final String BODY = "body";
  /** Analysed terms (work column). */
  public static final String TOKENS = "tokens";
  /** Each term's word as written, lower-cased (work column). */
  public static final String SURFACES = "surfaces";
  public static final String TERM_COUNTS = "term_counts";
  public static final String TFIDF = "tfidf";
  public static final String FEATURES = "features";
  public static final String CLUSTER_ID = "cluster_id";
  public static final String TOPIC_DISTRIBUTION = "topic_distribution";

  private Columns() {}
}
