package org.polycorpus.app;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * Entry point for spark-submit and the local runner. Bad flags and unusable paths end with a
 * one-line message and exit code 2; a failed run with exit code 1.
 */
@CommandLine.Command(name = "polycorpus", mixinStandardHelpOptions = true, versionProvider = Versions.class,
    subcommands = {ScoreCommand.class, ReportCommand.class, EvaluateCommand.class})
public final class PolycorpusMain implements Callable<Integer> {
  @Mixin
  JobOptions options = new JobOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the job as the command line says; returns the exit code. */
  public static int run(String... args) {
    CommandLine command = new CommandLine(new PolycorpusMain());
    command.setParameterExceptionHandler((e, unused) -> {
      e.getCommandLine().getErr().println("polycorpus: " + e.getMessage() + " (see --help)");
      return 2;
    });
    command.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("polycorpus: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return e instanceof IllegalArgumentException || e instanceof java.io.FileNotFoundException ? 2 : 1;
    });
    return command.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    options.validate(flag -> spec.commandLine().getParseResult().hasMatchedOption(flag));
    SparkSession spark = options.ingest.startSession();
    try {
      RunRecord record = new CorpusJob(spark, options).run(newRunId());
      System.out.print(record.summary());
      if (options.report) {
        System.out.println("  report: " + record.output() + "/" + CorpusJob.REPORT);
      }
      return 0;
    } finally {
      spark.stop();
    }
  }

  /** UTC start time and a random suffix. */
  static String newRunId() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
        + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
