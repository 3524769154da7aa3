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
  String check(SparkSession spark) throws IOException {
    Path run = new Path(output);
    if (!run.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(new Path(run, OutputLocation.SUCCESS))) {
      throw new IllegalArgumentException("--output " + output + " is not the folder of a finished polycorpus run");
    }
    return output;
  }

  /** A table of the run. */
  String table(String name) {
    return new Path(output, name).toString();
  }
}
