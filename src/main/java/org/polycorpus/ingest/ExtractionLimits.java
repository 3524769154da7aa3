package org.polycorpus.ingest;

import java.io.Serializable;

/**
 * Per-file limits. A file over {@code maxBytes} is not read (status too_large); text beyond
 * {@code maxChars} is cut (column truncated); a parse over {@code timeoutMillis} is abandoned
 * (status timeout).
 */
public record ExtractionLimits(long maxBytes, int maxChars, long timeoutMillis) implements Serializable {}
