package org.polycorpus.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.output.JavaLocalFileSystem;
import picocli.CommandLine.Option;

/** The Spark session a command runs in: the flags every command shares. */
final class SessionOptions {
  private static final Pattern LOCAL_MASTER = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?\\])?");

  @Option(names = "--master", description = "Spark master when not started by spark-submit. "
      + "Default: the master spark-submit passes, else local[*]")
  String master;

  @Option(names = "--log-level", defaultValue = "WARN", description = "Log level of Spark and the libraries: "
      + "ERROR, WARN, INFO or DEBUG. Default: ${DEFAULT-VALUE}")
  String logLevel;

  /** The master comes from spark-submit (spark.master), else --master, else local[*]. */
  SparkSession start() {
    SparkConf conf = new SparkConf().setAppName("polycorpus")
        .set("spark.ui.showConsoleProgress", "true")
        .set("spark.sql.session.timeZone", "UTC");
    if (!conf.contains("spark.scheduler.mode")) {
      // Languages are fitted from several driver threads; FAIR lets their jobs interleave.
      conf.set("spark.scheduler.mode", "FAIR");
    }
    if (!conf.contains("spark.log.level")) {
      // Applied as the context starts, before Spark's own INFO start-up lines.
      conf.set("spark.log.level", logLevel.toUpperCase(java.util.Locale.ROOT));
    }
    String chosen = master(conf);
    conf.setMaster(chosen);
    if (chosen.startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
      // Spark's 200 shuffle partitions make hundreds of near-empty tasks per step on a laptop.
      conf.set("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
    }
    if (chosen.startsWith("local") && !conf.contains("spark.locality.wait")) {
      // One executor: every task is as local as it can be. Waiting for a better locality (an
      // HDFS block's host name) only idles cores, and in local mode nothing offers the held
      // tasks again once the others have finished: a stage mixing such tasks never ended.
      conf.set("spark.locality.wait", "0s");
    }
    if (chosen.startsWith("local") && !conf.contains(JavaLocalFileSystem.CONF_KEY)) {
      conf.set(JavaLocalFileSystem.CONF_KEY, JavaLocalFileSystem.class.getName());
    }
    // The session's start needs Scala's runtime reflection: warmed up beside the context's start.
    SessionWarmUp.start(false);
    SparkContext context = SparkContext.getOrCreate(conf);
    SessionWarmUp.awaitReflection();
    // The classic (in-process) builder itself: SparkSession.builder() finds it through Scala's
    // runtime reflection too, which cost a cold JVM another 1.3 s.
    return org.apache.spark.sql.classic.SparkSession.builder().sparkContext(context).getOrCreate();
  }

  /** Cores of the local master ("local" 1, "local[4]" 4, "local[*]" all); 0 for a cluster. */
  int localCores() {
    Matcher local = LOCAL_MASTER.matcher(master(new SparkConf()));
    if (!local.matches()) {
      return 0;
    }
    String cores = local.group(1);
    return cores == null ? 1 : cores.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(cores);
  }

  private String master(SparkConf conf) {
    return master != null ? master : conf.get("spark.master", "local[*]");
  }
}
