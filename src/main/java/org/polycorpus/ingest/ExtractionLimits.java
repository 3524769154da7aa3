package org.polycorpus.ingest;

import java.io.Serializable;

/**
 * Per-file limits. A file over {@code maxBytes} is not read (status too_large); text beyond
 * {@code maxChars} is cut (column truncated); a parse over {@code timeoutMillis} is killed
 * (status timeout). Parses run in a separate JVM of {@code parseHeapMb} MiB heap. Archives and
 * documents with attachments are followed at most {@code maxEmbeddedDepth} levels deep and for
 * at most {@code maxEmbedded} embedded files; output expanding more than
 * {@code maxCompressionRatio} times its input (a zip bomb) stops the parse (status limit_reached).
 */
public record ExtractionLimits(
    long maxBytes, int maxChars, long timeoutMillis, int parseHeapMb,
    int maxEmbedded, int maxEmbeddedDepth, long maxCompressionRatio) implements Serializable {

  /** The defaults of the command line, for tests and callers that set only some limits. */
  public static ExtractionLimits defaults() {
    return new ExtractionLimits(100L << 20, 5_000_000, 60_000, 512, 1_000, 5, 100);
  }

  public ExtractionLimits withMaxBytes(long value) {
    return new ExtractionLimits(value, maxChars, timeoutMillis, parseHeapMb, maxEmbedded, maxEmbeddedDepth,
        maxCompressionRatio);
  }

  public ExtractionLimits withMaxChars(int value) {
    return new ExtractionLimits(maxBytes, value, timeoutMillis, parseHeapMb, maxEmbedded, maxEmbeddedDepth,
        maxCompressionRatio);
  }

  public ExtractionLimits withTimeoutMillis(long value) {
    return new ExtractionLimits(maxBytes, maxChars, value, parseHeapMb, maxEmbedded, maxEmbeddedDepth,
        maxCompressionRatio);
  }
}
