package org.polycorpus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalSubmitTest {
  /** The executor's tables are warmed only where its tasks run in the launcher's JVM. */
  @Test
  void warmsTheTasksTablesOnlyForALocalMaster() {
    assertThat(LocalSubmit.localMaster(List.of("--master", "local[*]", "--class", "x", "spark-internal"))).isTrue();
    assertThat(LocalSubmit.localMaster(List.of("--master", "local", "spark-internal"))).isTrue();
    assertThat(LocalSubmit.localMaster(List.of("--master", "spark://host:7077", "spark-internal"))).isFalse();
    assertThat(LocalSubmit.localMaster(List.of("--class", "x", "spark-internal"))).isFalse();
    assertThat(LocalSubmit.localMaster(List.of("spark-internal", "--master"))).isFalse();
  }
}
