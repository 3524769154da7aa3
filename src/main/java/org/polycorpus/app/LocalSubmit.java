package org.polycorpus.app;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.deploy.SparkSubmit;

/**
 * Spark's own launcher, {@link SparkSubmit}, for {@code jobs/run-local.sh}, with the session's
 * warm-up ({@link SessionWarmUp}) started first: SparkSubmit spends half a second of a cold JVM on
 * one core before it calls the job, and the warm-up can use the other. With a local master the
 * warm-up also builds the tables the executor's tasks, in this JVM, will need.
 */
public final class LocalSubmit {
  private LocalSubmit() {}

  public static void main(String[] args) {
    SessionWarmUp.start(localMaster(Arrays.asList(args)));
    SparkSubmit.main(args);
  }

  /** Whether SparkSubmit's arguments name a local master ({@code --master local[*]}). */
  static boolean localMaster(List<String> args) {
    int master = args.indexOf("--master");
    return master >= 0 && master + 1 < args.size() && args.get(master + 1).startsWith("local");
  }
}
