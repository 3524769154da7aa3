package org.polycorpus.app;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.output.OutputLocation;
import picocli.CommandLine.Option;

/** The --output folder of a finished run, for the commands that read one. */
final class FinishedRun {
  @Option(names = "--output", defaultValue = "output/", paramLabel = "<path>", description = "The --output folder "
      + "of a finished run. Default: ${DEFAULT-VALUE}")
  String output;

  /** The folder, once checked to hold a run that finished. */
  private String check(SparkSession spark) throws IOException {
    Path run = new Path(output);
    if (!run.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(new Path(run, OutputLocation.SUCCESS))) {
      throw new IllegalArgumentException("--output " + output + " is not the folder of a finished polycorpus run");
    }
    return output;
  }

  /** What a command does with the run, in a session that is stopped afterwards. */
  @FunctionalInterface
  interface Work {
    void run(SparkSession spark, String output) throws Exception;
  }

  /** Starts the session, checks the run and does the work; exit code 0. */
  int read(SessionOptions session, Work work) throws Exception {
    SparkSession spark = session.start();
    try {
      work.run(spark, check(spark));
      return 0;
    } finally {
      spark.stop();
    }
  }

  /** A table of the run. */
  String table(String name) {
    return new Path(output, name).toString();
  }
}
