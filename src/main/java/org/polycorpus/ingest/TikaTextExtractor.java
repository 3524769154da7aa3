package org.polycorpus.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads one file at a time through Hadoop's FileSystem, within the byte limit, and has it parsed
 * by a {@link ForkedParser}. Built once per task (never shipped from the driver) and closed
 * when the task ends, which hands the parse process on to the executor's next task.
 */
public final class TikaTextExtractor implements AutoCloseable {
  private final ExtractionLimits limits;
  private final ForkedParser parser;

  public TikaTextExtractor(ExtractionLimits limits) {
    this.limits = limits;
    this.parser = ParseProcessPool.take(limits);
  }

  /**
   * For a local run, whose executor is this JVM: starts a parse process per core now, so that
   * they boot while Spark starts rather than in the first ingest tasks.
   */
  public static void startLocalProcesses(ExtractionLimits limits, int cores) {
    ParseProcessPool.startAhead(limits, cores);
  }

  public Extraction extract(FileSystem fs, String path, long byteSize) {
    if (byteSize > limits.maxBytes()) {
      return Extraction.failed(DocumentStatus.TOO_LARGE,
          "file is larger than the byte limit (--max-bytes " + limits.maxBytes() + ")");
    }
    Path file = new Path(path);
    InputStream raw;
    try {
      raw = fs.open(file);
    } catch (FileNotFoundException e) {
      return Extraction.failed(DocumentStatus.MISSING, "file vanished between listing and reading");
    } catch (IOException e) {
      return Extraction.failed(DocumentStatus.UNREADABLE, FailureReasons.reasonOf(e, file.getName()));
    }
    // The bound also holds a file that grew since it was listed to the byte limit.
    try (InputStream bounded = BoundedInputStream.builder().setInputStream(raw).setMaxCount(limits.maxBytes()).get()) {
      return parser.parse(bounded, file.getName(), byteSize);
    } catch (IOException e) {
      return Extraction.failed(DocumentStatus.UNREADABLE, FailureReasons.reasonOf(e, file.getName()));
    }
  }

  @Override
  public void close() {
    ParseProcessPool.giveBack(parser);
  }
}
