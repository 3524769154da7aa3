package org.polycorpus.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs parses in a separate JVM ({@link ParseServer}), one file at a time, so that a parser that
 * hangs, exhausts memory or exits cannot take the executor down: the process is killed at the
 * time limit, or noticed dead, and a new one is started for the next file. Used by one task at
 * a time; {@link ParseProcessPool} passes it on to the executor's next task.
 */
final class ForkedParser implements AutoCloseable {
  /** The JVM's exit code with -XX:+ExitOnOutOfMemoryError. */
  private static final int OOM_EXIT_CODE = 3;
  /**
   * A class-data archive of a parse process's start (Tika's parsers built), which local runs
   * record once per build (jobs/class-archive.sh): a process then starts on 0.7-0.9 s of CPU
   * instead of 1.1-1.25 s. Unset, or not mappable (another JDK or classpath): no archive.
   */
  static final String CLASS_ARCHIVE_PROPERTY = "polycorpus.parseClassArchive";

  private final ExtractionLimits limits;
  private final ExecutorService exchanges = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "polycorpus-parse-exchange");
    thread.setDaemon(true);
    return thread;
  });
  private Process process;
  private DataOutputStream toProcess;
  private DataInputStream fromProcess;
  private StderrTail stderr;
  private volatile boolean busy;

  ForkedParser(ExtractionLimits limits) {
    this.limits = limits;
  }

  ExtractionLimits limits() {
    return limits;
  }

  /** Starts the process without waiting for it; one that fails to start is reported by the first parse. */
  void start() {
    try {
      ensureStarted();
    } catch (IOException e) {
      stop();
    }
  }

  /** True between parses with the process running: a task ended with no parse cut short. */
  boolean idleAndAlive() {
    return process != null && process.isAlive() && !busy;
  }

  /** Sends the file's bytes to the parse process and waits, at most the time limit, for its text. */
  Extraction parse(InputStream file, String fileName, long fileBytes) {
    try {
      ensureStarted();
    } catch (IOException e) {
      return Extraction.failed(DocumentStatus.CRASHED, "could not start the parse process: " + e.getMessage());
    }
    Future<Extraction> exchange = exchanges.submit(() -> {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      ParseProtocol.writeRequest(toProcess, fileName, fileBytes, new DigestInputStream(file, sha256));
      return ParseProtocol.readResponse(fromProcess, HexFormat.of().formatHex(sha256.digest()));
    });
    busy = true;
    try {
      Extraction extraction = exchange.get(limits.timeoutMillis(), TimeUnit.MILLISECONDS);
      busy = false;
      return extraction;
    } catch (TimeoutException e) {
      stop();
      exchange.cancel(true);
      return Extraction.failed(DocumentStatus.TIMEOUT,
          "parse took longer than the time limit (--parse-timeout " + limits.timeoutMillis() / 1000 + " s)");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ParseProtocol.FileReadException read) {
        stop(); // the process saw half a request
        return Extraction.failed(FailureReasons.statusOf(read.getCause()), FailureReasons.reasonOf(read, fileName));
      }
      return processDied();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      return Extraction.failed(DocumentStatus.CRASHED, "interrupted");
    }
  }

  /** The pipe broke: the process exited (System.exit, out of memory, crash). Says which. */
  private Extraction processDied() {
    int exit = -1;
    try {
      if (process.waitFor(5, TimeUnit.SECONDS)) {
        exit = process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String lastWords = stderr.lastLine();
    stop();
    if (exit == OOM_EXIT_CODE || lastWords.contains("OutOfMemoryError")) {
      return Extraction.failed(DocumentStatus.OOM,
          "parse process ran out of memory (--parse-heap " + limits.parseHeapMb() + " MiB)");
    }
    return Extraction.failed(DocumentStatus.CRASHED, "parse process exited with code " + exit
        + (lastWords.isEmpty() ? "" : ": " + FailureReasons.normalise(lastWords)));
  }

  private void ensureStarted() throws IOException {
    if (process != null && process.isAlive()) {
      return;
    }
    process = new ProcessBuilder(command(limits, List.of())).start();
    toProcess = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    fromProcess = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    stderr = new StderrTail(process.getErrorStream());
  }

  /**
   * The parse process's command line: this JVM's java with {@code jvmOptions} added (the class
   * archive's recording adds its own), the limits' heap, and polycorpus's classpath.
   */
  static List<String> command(ExtractionLimits limits, List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Xmx" + limits.parseHeapMb() + "m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.awt.headless=true");
    // Log4j's simple logger (errors to stderr, as Log4j's default configuration gives) instead of
    // its core, which loaded and configured some 430 classes: a third of the process's start.
    command.add("-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    String archive = System.getProperty(CLASS_ARCHIVE_PROPERTY);
    if (archive != null && new File(archive).length() > 0) {
      command.add("-XX:SharedArchiveFile=" + archive);
      command.add("-Xlog:cds=off");
      command.add("-Xlog:cds+dynamic=off");
    }
    command.add("-cp");
    command.add(classpath());
    command.add(ParseServer.class.getName());
    command.add(Integer.toString(limits.maxChars()));
    command.add(Integer.toString(limits.maxEmbedded()));
    command.add(Integer.toString(limits.maxEmbeddedDepth()));
    command.add(Long.toString(limits.maxCompressionRatio()));
    return command;
  }

  /**
   * Where polycorpus itself was loaded from (the submitted jar on executors), then the rest of
   * this JVM's classpath: a class archive maps only the classpath it was recorded with, and its
   * recording runs with the jar first. Local runs put the jar after Spark's jars.
   */
  private static String classpath() {
    try {
      String own = new File(ForkedParser.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
      StringBuilder classpath = new StringBuilder(own);
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!entry.equals(own) && !entry.isEmpty()) {
          classpath.append(File.pathSeparator).append(entry);
        }
      }
      return classpath.toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void stop() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  @Override
  public void close() {
    if (process != null) {
      try {
        toProcess.close(); // end of requests: the process exits by itself
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          stop();
        }
      } catch (IOException | InterruptedException e) {
        stop();
      }
      process = null;
    }
    exchanges.shutdownNow();
  }

  /** Drains the process's stderr so it never blocks, keeping the last line for failure reasons. */
  private static final class StderrTail {
    private volatile String lastLine = "";

    StderrTail(InputStream stream) {
      Thread reader = new Thread(() -> {
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(stream, StandardCharsets.UTF_8))) {
          String line;
          while ((line = lines.readLine()) != null) {
            if (!line.isBlank()) {
              lastLine = line.length() > 500 ? line.substring(0, 500) : line;
            }
          }
        } catch (IOException ended) {
          // The process is gone.
        }
      }, "polycorpus-parse-stderr");
      reader.setDaemon(true);
      reader.start();
    }

    String lastLine() {
      return lastLine;
    }
  }
}
