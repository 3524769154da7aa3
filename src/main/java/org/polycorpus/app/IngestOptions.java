package org.polycorpus.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.ingest.ExtractionLimits;
import org.polycorpus.ingest.TikaTextExtractor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where to read and write, the Spark session, and the limits on reading files: the flags that
 * fitting a corpus and scoring new documents share.
 */
final class IngestOptions {
  @Option(names = "--input", defaultValue = "seeds/", paramLabel = "<path>", description = "Folder (or file) to read, recursively: "
      + "a local path, file://, hdfs:// or s3a:// URI. Default: ${DEFAULT-VALUE}")
  String input;

  @Option(names = "--output", defaultValue = "output/", paramLabel = "<path>", description = "Folder for the tables. Replaced at the end "
      + "of a successful run if it was written by polycorpus; any other existing folder is refused. "
      + "Default: ${DEFAULT-VALUE}")
  String output;

  @Option(names = "--force", description = "Replace --output even if it exists and was not written by "
      + "polycorpus. Its contents are deleted at the end of a successful run.")
  boolean force;

  @Mixin
  SessionOptions session = new SessionOptions();

  @Option(names = "--max-bytes", defaultValue = "104857600", description = "Files larger than this many bytes "
      + "are not read (status too_large). Default: ${DEFAULT-VALUE} (100 MiB)")
  long maxBytes;

  @Option(names = "--max-chars", defaultValue = "5000000", description = "Text kept per file, in characters; "
      + "longer text is cut and the document marked truncated. Default: ${DEFAULT-VALUE}")
  int maxChars;

  @Option(names = "--parse-timeout", defaultValue = "60", description = "Seconds one file may take to parse "
      + "(status timeout). Default: ${DEFAULT-VALUE}")
  int parseTimeoutSeconds;

  @Option(names = "--parse-heap", defaultValue = "512", description = "Heap of each parse process, in MiB. A "
      + "file whose parse needs more gets status oom. Default: ${DEFAULT-VALUE}")
  int parseHeapMb;

  @Option(names = "--max-embedded", defaultValue = "1000", description = "Embedded files (attachments, archive "
      + "entries) followed per file; the rest are skipped. Default: ${DEFAULT-VALUE}")
  int maxEmbedded;

  @Option(names = "--max-embedded-depth", defaultValue = "5", description = "Levels of archives within archives "
      + "followed. Default: ${DEFAULT-VALUE}")
  int maxEmbeddedDepth;

  @Option(names = "--max-compression-ratio", defaultValue = "100", description = "A file whose text expands more "
      + "than this many times its compressed size is a zip bomb (status limit_reached). Default: ${DEFAULT-VALUE}")
  long maxCompressionRatio;

  void validate() {
    require(maxBytes > 0, "--max-bytes must be positive, got " + maxBytes);
    require(maxChars > 0, "--max-chars must be positive, got " + maxChars);
    require(parseTimeoutSeconds > 0, "--parse-timeout must be positive, got " + parseTimeoutSeconds);
    require(parseHeapMb >= 64, "--parse-heap must be at least 64 (MiB), got " + parseHeapMb);
    require(maxEmbedded >= 0, "--max-embedded must not be negative, got " + maxEmbedded);
    require(maxEmbeddedDepth >= 0, "--max-embedded-depth must not be negative, got " + maxEmbeddedDepth);
    require(maxCompressionRatio > 0, "--max-compression-ratio must be positive, got " + maxCompressionRatio);
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * The Spark session of a command that reads files. A local run's executor is this JVM: its
   * parse processes start first, so that they boot while the session starts.
   */
  SparkSession startSession() {
    TikaTextExtractor.startLocalProcesses(limits(), session.localCores());
    return session.start();
  }

  ExtractionLimits limits() {
    return new ExtractionLimits(maxBytes, maxChars, parseTimeoutSeconds * 1000L, parseHeapMb, maxEmbedded,
        maxEmbeddedDepth, maxCompressionRatio);
  }

  /** These settings by flag name, for the runs table and manifest. */
  Map<String, String> asParameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("force", Boolean.toString(force));
    p.put("max-bytes", Long.toString(maxBytes));
    p.put("max-chars", Integer.toString(maxChars));
    p.put("parse-timeout", Integer.toString(parseTimeoutSeconds));
    p.put("parse-heap", Integer.toString(parseHeapMb));
    p.put("max-embedded", Integer.toString(maxEmbedded));
    p.put("max-embedded-depth", Integer.toString(maxEmbeddedDepth));
    p.put("max-compression-ratio", Long.toString(maxCompressionRatio));
    return p;
  }
}
