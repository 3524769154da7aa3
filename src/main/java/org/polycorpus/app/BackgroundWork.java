package org.polycorpus.app;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Spark work run on a thread and in a scheduler pool of its own while the run goes on: for work
 * whose input is ready long before its result is needed, so that its tasks fill the cores the
 * run's many small jobs leave idle. Cancelled when the run ends first.
 */
final class BackgroundWork<T> {
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

  /** Cancels the work if it still runs; hands a result it did produce to {@code release}. */
  void close(Consumer<T> release) {
    if (!result.isDone()) {
      spark.sparkContext().cancelJobGroup(group);
      result.cancel(true);
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
}
