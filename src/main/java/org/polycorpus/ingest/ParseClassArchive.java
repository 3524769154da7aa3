package org.polycorpus.ingest;

import java.io.IOException;
import java.util.List;

/**
 * Records the class-data archive of a parse process's start (run by jobs/class-archive.sh): the
 * process {@link ForkedParser} starts, with {@code -XX:ArchiveClassesAtExit}, is sent no file,
 * builds Tika's parsers, exits and writes the archive. Run with the polycorpus jar first on the
 * classpath, then the classpath local runs use: the archive maps only that classpath.
 * Argument: the archive's path.
 */
public final class ParseClassArchive {
  private ParseClassArchive() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(ForkedParser.command(ExtractionLimits.defaults(),
        List.of("-XX:ArchiveClassesAtExit=" + args[0])))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    process.getOutputStream().close(); // no file: the process exits once its parsers are built
    System.exit(process.waitFor());
  }
}
