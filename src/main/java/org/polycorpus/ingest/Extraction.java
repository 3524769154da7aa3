package org.polycorpus.ingest;

/** The outcome of reading one file: text and metadata, or a status and a normalised reason. */
public record Extraction(
    String status,
    String error,
    String contentType,
    String title,
    String charset,
    String sha256,
    boolean truncated,
    String text) {

  static Extraction failed(String status, String error) {
    return new Extraction(status, error, null, null, null, null, false, "");
  }
}
