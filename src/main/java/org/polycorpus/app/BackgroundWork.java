package org.polycorpus.app;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.JobExecutionStatus;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Spark work run on a thread and in a scheduler pool of its own while the run goes on: for work
 * whose input is ready long before its result is needed, so that its tasks fill the cores the
 * run's many small jobs leave idle. Cancelled when the run ends first.
 */
final class BackgroundWork<T> {
  private static final Duration CANCEL_AGAIN_AFTER = Duration.ofMillis(100);
  private static final Duration GIVE_UP_CANCELLING_AFTER = Duration.ofSeconds(60);

  private final SparkSession spark;
  private final String group;
  private final ExecutorService thread;
  private final Future<T> result;

  BackgroundWork(SparkSession spark, String name, Supplier<T> work) {
    this.spark = spark;
    this.group = "polycorpus-" + name;
    this.thread = Executors.newSingleThreadExecutor(runnable -> {
      Thread worker = new Thread(runnable, group);
      worker.setDaemon(true);
      return worker;
    });
    this.result = thread.submit(() -> {
      spark.sparkContext().setLocalProperty("spark.scheduler.pool", group);
      spark.sparkContext().setJobGroup(group, name, true);
      return work.get();
    });
  }

  /** Waits for the work; its failure is the caller's. */
  T get() {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + group, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Cancels the work if it still runs and waits until it has ended; hands a result it did produce
   * to {@code release}.
   */
  void close(Consumer<T> release) {
    if (result.cancel(true)) {
      cancelUntilEnded();
    } else if (!result.isCancelled()) {
      try {
        release.accept(result.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException failed) {
        // Nothing was produced to release; the failure was reported by get() or does not matter.
      }
    }
    thread.shutdownNow();
  }

  /**
   * One cancel is not enough: work between two jobs (a shuffle's map job and its result job) may
   * swallow the interrupt and submit the next, and adaptive execution submits a stage's job from
   * a thread of its own, which may come after the work's thread has ended. So cancel the job
   * group again until the thread has ended and no job of the group runs.
   */
  private void cancelUntilEnded() {
    thread.shutdown();
    long giveUpAt = System.nanoTime() + GIVE_UP_CANCELLING_AFTER.toNanos();
    try {
      boolean ended = false;
      do {
        spark.sparkContext().cancelJobGroup(group);
        if (ended) {
          Thread.sleep(CANCEL_AGAIN_AFTER.toMillis()); // a cancelled job takes a moment to end
        } else {
          ended = thread.awaitTermination(CANCEL_AGAIN_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
      } while ((!ended || groupRuns()) && System.nanoTime() < giveUpAt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean groupRuns() {
    SparkStatusTracker status = spark.sparkContext().statusTracker();
    return Arrays.stream(status.getJobIdsForGroup(group)).anyMatch(job -> {
      Option<SparkJobInfo> info = status.getJobInfo(job);
      return info.isDefined() && info.get().status() == JobExecutionStatus.RUNNING;
    });
  }
}
