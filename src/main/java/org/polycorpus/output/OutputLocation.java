package org.polycorpus.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a run writes. Tables go to a staging folder beside the output and replace the output
 * only when the run has finished, so a failed run leaves the previous results in place. An
 * existing output is replaced only if it carries polycorpus's marker file: a folder polycorpus
 * did not write is never overwritten. Driver-only.
 */
public final class OutputLocation {
  /** Marks a folder written by polycorpus; holds the run id. */
  public static final String MARKER = "_POLYCORPUS";
  public static final String SUCCESS = "_SUCCESS";

  private final FileSystem fs;
  private final Path output;
  private final Path staging;
  private final String runId;

  private OutputLocation(FileSystem fs, Path output, Path staging, String runId) {
    this.fs = fs;
    this.output = output;
    this.staging = staging;
    this.runId = runId;
  }

  /**
   * Checks the output against the input and any existing folder; throws with the reason. With
   * {@code force}, an existing folder polycorpus did not write is replaced too.
   */
  public static OutputLocation prepare(String output, String input, String runId, boolean force,
      Configuration conf) throws IOException {
    Path outputPath = new Path(output);
    FileSystem fs = outputPath.getFileSystem(conf);
    Path qualifiedOutput = fs.makeQualified(outputPath);
    Path inputPath = new Path(input);
    Path qualifiedInput = inputPath.getFileSystem(conf).makeQualified(inputPath);
    String out = qualifiedOutput.toString() + "/";
    String in = qualifiedInput.toString() + "/";
    if (out.equals(in) || out.startsWith(in) || in.startsWith(out)) {
      throw new IllegalArgumentException("--output " + output + " must not be the input, inside it, or contain it ("
          + input + ")");
    }
    if (fs.exists(qualifiedOutput)) {
      FileStatus status = fs.getFileStatus(qualifiedOutput);
      boolean ours = status.isDirectory() && fs.exists(new Path(qualifiedOutput, MARKER));
      boolean empty = status.isDirectory() && fs.listStatus(qualifiedOutput).length == 0;
      if (!ours && !empty && !force) {
        throw new IllegalArgumentException("--output " + output + " exists and was not written by polycorpus; "
            + "choose another folder, remove it yourself, or pass --force to replace it");
      }
    }
    Path staging = new Path(qualifiedOutput.getParent(), "." + qualifiedOutput.getName() + ".staging-" + runId);
    try {
      if (!fs.mkdirs(staging)) {
        throw new IOException("could not create " + staging);
      }
      write(fs, new Path(staging, MARKER), runId);
    } catch (IOException e) {
      throw new IllegalArgumentException("--output " + output + " is not writable: " + e.getMessage());
    }
    return new OutputLocation(fs, qualifiedOutput, staging, runId);
  }

  public String output() {
    return output.toString();
  }

  /** The folder that becomes the output when the run is published. */
  public String stagingFolder() {
    return staging.toString();
  }

  /** Where a table (or "models", "_work/...") is written during the run. */
  public String staged(String name) {
    return new Path(staging, name).toString();
  }

  public void writeStagedFile(String name, String content) throws IOException {
    write(fs, new Path(staging, name), content);
  }

  /** Drops the work tables, marks success, and swaps the staging folder in for the output. */
  public void publish(String workFolder) throws IOException {
    fs.delete(new Path(staging, workFolder), true);
    write(fs, new Path(staging, SUCCESS), runId);
    Path previous = new Path(output.getParent(), "." + output.getName() + ".previous-" + runId);
    boolean hadOutput = fs.exists(output);
    if (hadOutput && !fs.rename(output, previous)) {
      throw new IOException("could not move the previous output aside: " + output);
    }
    if (!fs.rename(staging, output)) {
      if (hadOutput) {
        fs.rename(previous, output);
      }
      throw new IOException("could not publish " + staging + " as " + output);
    }
    if (hadOutput) {
      fs.delete(previous, true);
    }
  }

  /** Removes this run's staging folder after a failure; the previous output stays as it was. */
  public void abandon() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      // Best effort: a leftover staging folder is hidden and named after its run.
    }
  }

  private static void write(FileSystem fs, Path path, String content) throws IOException {
    try (FSDataOutputStream out = fs.create(path, true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }
}
