package org.polycorpus.ingest;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.HttpHeaders;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Extracts text from one file at a time with Tika's AutoDetectParser, within the per-file
 * limits. Built once per task (never shipped from the driver) and closed when the task ends.
 * Each parse runs on a worker thread so a slow parser can be abandoned at the time limit; the
 * abandoned thread is left to finish on its own, and later files get a fresh worker.
 */
public final class TikaTextExtractor implements AutoCloseable {
  private final Parser parser = new AutoDetectParser();
  private final ExtractionLimits limits;
  private ExecutorService worker = newWorker();

  public TikaTextExtractor(ExtractionLimits limits) {
    this.limits = limits;
  }

  public Extraction extract(FileSystem fs, String path, long byteSize) {
    if (byteSize > limits.maxBytes()) {
      return Extraction.failed(DocumentStatus.TOO_LARGE,
          "file is larger than the byte limit (--max-bytes " + limits.maxBytes() + ")");
    }
    Future<Extraction> parse = worker.submit(() -> parse(fs, new Path(path)));
    try {
      return parse.get(limits.timeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      parse.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      return Extraction.failed(DocumentStatus.TIMEOUT,
          "parse took longer than the time limit (--parse-timeout " + limits.timeoutMillis() / 1000 + " s)");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return Extraction.failed(FailureReasons.statusOf(cause), FailureReasons.reasonOf(cause, new Path(path).getName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Extraction.failed(DocumentStatus.CRASHED, "interrupted");
    }
  }

  private Extraction parse(FileSystem fs, Path path) throws Exception {
    MessageDigest sha256 = sha256();
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, path.getName());
    BodyContentHandler handler = new BodyContentHandler(limits.maxChars());
    boolean truncated = false;
    InputStream raw;
    try {
      raw = fs.open(path);
    } catch (FileNotFoundException e) {
      return Extraction.failed(DocumentStatus.MISSING, "file vanished between listing and reading");
    }
    try (DigestInputStream digesting = new DigestInputStream(
            BoundedInputStream.builder().setInputStream(raw).setMaxCount(limits.maxBytes()).get(), sha256);
         TikaInputStream stream = TikaInputStream.get(digesting)) {
      try {
        parser.parse(stream, handler, metadata, new ParseContext());
      } catch (Exception e) {
        if (!WriteLimitReachedException.isWriteLimitReached(e)) {
          throw e;
        }
        truncated = true;
      }
      // Parsers may stop early; the checksum covers every byte of the file.
      digesting.transferTo(OutputStream.nullOutputStream());
    }
    String text = TextCleaner.clean(handler.toString());
    return new Extraction(
        text.isEmpty() ? DocumentStatus.EMPTY : DocumentStatus.OK,
        text.isEmpty() ? "no text extracted" : null,
        baseType(metadata.get(HttpHeaders.CONTENT_TYPE)),
        emptyToNull(metadata.get(TikaCoreProperties.TITLE)),
        emptyToNull(metadata.get(HttpHeaders.CONTENT_ENCODING)),
        HexFormat.of().formatHex(sha256.digest()),
        truncated,
        text);
  }

  private static String baseType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static MessageDigest sha256() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256");
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "polycorpus-tika-parse");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
