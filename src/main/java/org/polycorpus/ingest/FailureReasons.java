package org.polycorpus.ingest;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.ZeroByteFileException;

/**
 * Maps a parse failure to a status and a reason that can be grouped across files: the exception
 * type and the first line of its message, with file names and numbers stripped.
 */
final class FailureReasons {
  private static final int MAX_REASON_CHARS = 300;

  private FailureReasons() {}

  static String statusOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ZeroByteFileException) {
        return DocumentStatus.EMPTY;
      }
      if (t instanceof EncryptedDocumentException) {
        return DocumentStatus.ENCRYPTED;
      }
      if (t instanceof UnsupportedFormatException) {
        return DocumentStatus.UNSUPPORTED;
      }
      if (t instanceof FileNotFoundException) {
        return DocumentStatus.MISSING;
      }
      if (t instanceof AccessDeniedException) {
        return DocumentStatus.UNREADABLE;
      }
      if (t instanceof OutOfMemoryError) {
        return DocumentStatus.OOM;
      }
      String message = String.valueOf(t.getMessage());
      if (message.contains("Suspected zip bomb") || t instanceof TikaMemoryLimitException) {
        return DocumentStatus.LIMIT_REACHED;
      }
    }
    return failure instanceof org.apache.tika.exception.TikaException
        || failure instanceof org.xml.sax.SAXException
        || failure instanceof java.io.IOException
        ? DocumentStatus.CORRUPT
        : DocumentStatus.CRASHED;
  }

  /** A message with paths and numbers stripped, so that the same failure groups across files. */
  static String normalise(String message) {
    return message.replaceAll("(file:|hdfs:|s3a?:)?/[^\\s:'\"]+", "<path>").replaceAll("\\d+", "N");
  }

  /** "TikaException: Unexpected RuntimeException from org.apache.tika.parser...": no paths, no numbers. */
  static String reasonOf(Throwable failure, String fileName) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
    if (fileName != null && !fileName.isEmpty()) {
      message = message.replace(fileName, "<file>");
    }
    message = normalise(message);
    String reason = root.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message.strip());
    return reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
  }
}
