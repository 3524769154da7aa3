package org.polycorpus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
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
          Thread.sleep(600_000);
          return rows;
        }, Encoders.LONG()).count());
    long deadline = System.currentTimeMillis() + 60_000;
    while (groupJobs().length == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(groupJobs()).as("the background job started").isNotEmpty();
    List<Long> released = new ArrayList<>();
    work.close(released::add);
    assertThatThrownBy(work::get).isInstanceOf(CancellationException.class);
    // Cancelled tasks are interrupted: the group's jobs end within seconds, not after their ten minutes.
    deadline = System.currentTimeMillis() + 60_000;
    while (Arrays.stream(groupJobs()).anyMatch(this::active) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Arrays.stream(groupJobs()).filter(this::active)).as("jobs still running").isEmpty();
    assertThat(released).isEmpty();
    assertThat(spark.range(10).count()).isEqualTo(10);
  }

  private static int[] groupJobs() {
    return spark.sparkContext().statusTracker().getJobIdsForGroup("polycorpus-test-slow");
  }

  private boolean active(int job) {
    return Arrays.stream(spark.sparkContext().statusTracker().getActiveJobIds()).anyMatch(id -> id == job);
  }
}
