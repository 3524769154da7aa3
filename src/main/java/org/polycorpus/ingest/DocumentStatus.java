package org.polycorpus.ingest;

/**
 * What became of one input file. Every file yields exactly one row in {@code documents}, with
 * one of these statuses; only {@link #OK} rows go on to language, terms and topics.
 */
public final class DocumentStatus {
  /** Text extracted (possibly cut at the character limit: see the {@code truncated} column). */
  public static final String OK = "ok";
  /** Parsed, but no text was left (after boilerplate removal, or none in the file). */
  public static final String EMPTY = "empty";
  /** Password-protected or encrypted. */
  public static final String ENCRYPTED = "encrypted";
  /** The parser for the detected type failed on the bytes. */
  public static final String CORRUPT = "corrupt";
  /** No parser extracts text from the detected type. */
  public static final String UNSUPPORTED = "unsupported";
  /** A safety limit stopped the parse: zip bomb (compression ratio), nesting depth, embedded files. */
  public static final String LIMIT_REACHED = "limit_reached";
  /** Larger than --max-bytes; not read. */
  public static final String TOO_LARGE = "too_large";
  /** Parsing took longer than --parse-timeout; the parse process was killed and restarted. */
  public static final String TIMEOUT = "timeout";
  /** The parse process ran out of memory (--parse-heap) and was restarted. */
  public static final String OOM = "oom";
  /** The parser failed with an unexpected error, or its process died (exit, crash). */
  public static final String CRASHED = "crashed";
  /** Listed, but could not be opened or read (permissions, I/O error). */
  public static final String UNREADABLE = "unreadable";
  /** Listed, but gone when it was read. */
  public static final String MISSING = "missing";

  private DocumentStatus() {}
}
