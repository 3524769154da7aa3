package org.polycorpus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polycorpus.SparkTestBase;

class BackgroundWorkTest extends SparkTestBase {
  @Test
  void runsItsJobsInAPoolOfItsOwnAndReleasesTheResultAtClose() {
    BackgroundWork<List<Object>> work = new BackgroundWork<>(spark, "test-count", () -> List.of(
        spark.sparkContext().getLocalProperty("spark.scheduler.pool"), spark.range(1000).count()));
    assertThat(work.get()).containsExactly("polycorpus-test-count", 1000L);
    List<List<Object>> released = new ArrayList<>();
    work.close(released::add);
    assertThat(released).containsExactly(List.of("polycorpus-test-count", 1000L));
  }

  @Test
  void closingCancelsTheSparkJobsStillRunning() throws InterruptedException {
    BackgroundWork<Long> work = new BackgroundWork<>(spark, "test-slow", () -> spark.range(2).repartition(2)
        .mapPartitions((MapPartitionsFunction<Long, Long>) rows -> {
          Thread.sleep(120_000);
          return rows;
        }, Encoders.LONG()).count());
    long deadline = System.currentTimeMillis() + 60_000;
    while (groupJobs("test-slow").length == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(groupJobs("test-slow")).as("the background job started").isNotEmpty();
    List<Long> released = new ArrayList<>();
    work.close(released::add);
    assertThatThrownBy(work::get).isInstanceOf(CancellationException.class);
    // Cancelled tasks are interrupted: the group's jobs end within seconds, not after their two minutes.
    deadline = System.currentTimeMillis() + 60_000;
    while (Arrays.stream(groupJobs("test-slow")).anyMatch(this::active) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Arrays.stream(groupJobs("test-slow")).filter(this::active)).as("jobs still running").isEmpty();
    assertThat(released).isEmpty();
    assertThat(spark.range(10).count()).isEqualTo(10);
  }

  @Test
  void closingCancelsTheJobsTheWorkSubmitsAfterTheInterrupt() throws InterruptedException {
    CountDownLatch firstJobDone = new CountDownLatch(1);
    AtomicReference<Exception> cancelled = new AtomicReference<>();
    BackgroundWork<Long> work = new BackgroundWork<>(spark, "test-two-jobs", () -> {
      spark.range(1).count();
      firstJobDone.countDown();
      sleepUntilInterrupted(); // and then go on, as Spark code between two jobs may
      try {
        return spark.range(2).mapPartitions((MapPartitionsFunction<Long, Long>) rows -> {
          Thread.sleep(120_000);
          return rows;
        }, Encoders.LONG()).count();
      } catch (Exception e) { // Spark's exception is checked, though count() does not declare it
        cancelled.set(e);
        return -1L;
      }
    });
    assertThat(firstJobDone.await(60, TimeUnit.SECONDS)).as("the first job ran").isTrue();
    work.close(result -> { });
    assertThat(cancelled.get()).as("the job submitted after the interrupt").isNotNull()
        .hasMessageContaining("polycorpus-test-two-jobs");
    assertThat(Arrays.stream(groupJobs("test-two-jobs")).filter(this::active)).as("jobs still running").isEmpty();
  }

  private static void sleepUntilInterrupted() {
    try {
      Thread.sleep(120_000);
    } catch (InterruptedException swallowed) {
      // the work goes on
    }
  }

  @AfterEach
  void endTheSleepingTasksOfAFailedTest() {
    spark.sparkContext().cancelAllJobs();
  }

  private static int[] groupJobs(String work) {
    return spark.sparkContext().statusTracker().getJobIdsForGroup("polycorpus-" + work);
  }

  private boolean active(int job) {
    return Arrays.stream(spark.sparkContext().statusTracker().getActiveJobIds()).anyMatch(id -> id == job);
  }
}
