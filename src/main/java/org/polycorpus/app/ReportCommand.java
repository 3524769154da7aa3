package org.polycorpus.app;

import java.util.concurrent.Callable;
import org.polycorpus.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polycorpus report}: the HTML report of a finished run, from its tables. */
@Command(name = "report", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = "Writes a self-contained HTML report (charts and tables, opens offline) of the run under --output.")
final class ReportCommand implements Callable<Integer> {
  @Mixin
  FinishedRun run = new FinishedRun();

  @Option(names = "--file", paramLabel = "<path>", description = "Where to write the report. "
      + "Default: report.html in --output")
  String file;

  @Mixin
  SessionOptions session = new SessionOptions();

  @Override
  public Integer call() throws Exception {
    return run.read(session, (spark, output) -> {
      String target = file != null ? file : run.table(CorpusJob.REPORT);
      Report.write(spark, output, target);
      System.out.println("report written to " + target);
    });
  }
}
