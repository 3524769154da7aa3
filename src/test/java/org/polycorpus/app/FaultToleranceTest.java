package org.polycorpus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.ingest.DocumentReader;
import org.polycorpus.output.Tables;

/** Task failures are retried to the same tables; a failed run leaves the previous output as it was. */
class FaultToleranceTest {
  @TempDir
  Path work;

  @AfterEach
  void clearFaults() {
    System.clearProperty(DocumentReader.FAULTS_CONF);
  }

  @Test
  void retriedTasksGiveTheCleanRunsTables() {
    System.setProperty("spark.ui.enabled", "false");
    String clean = work.resolve("clean").toString();
    String faulty = work.resolve("faulty").toString();
    assertThat(PolycorpusMain.run("--output", clean, "--master", "local[2]")).isZero();
    System.setProperty(DocumentReader.FAULTS_CONF, "first-attempt");
    // local[2,4]: two threads, four attempts per task; every ingest task fails once.
    assertThat(PolycorpusMain.run("--output", faulty, "--master", "local[2,4]")).isZero();
    SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
    try {
      for (String table : Tables.SCHEMAS.keySet()) {
        if (table.equals(Tables.RUNS)) {
          continue;
        }
        var a = spark.read().parquet(clean + "/" + table).drop("parse_millis");
        var b = spark.read().parquet(faulty + "/" + table).drop("parse_millis");
        assertThat(a.exceptAll(b).count() + b.exceptAll(a).count()).as(table).isZero();
      }
    } finally {
      spark.stop();
    }
  }

  @Test
  void aFailedRunLeavesThePreviousOutputIntact() throws Exception {
    System.setProperty("spark.ui.enabled", "false");
    Path output = work.resolve("out");
    assertThat(PolycorpusMain.run("--output", output.toString(), "--master", "local[2]")).isZero();
    String manifest = Files.readString(output.resolve("manifest.json"));

    System.setProperty(DocumentReader.FAULTS_CONF, "always");
    assertThat(PolycorpusMain.run("--output", output.toString(), "--master", "local[2,2]")).isEqualTo(1);

    assertThat(output.resolve("manifest.json")).hasContent(manifest);
    assertThat(output.resolve("_SUCCESS")).exists();
    try (var siblings = Files.list(work)) {
      assertThat(siblings).containsExactly(output); // the failed run's staging folder is gone
    }
    SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
    try {
      assertThat(spark.read().parquet(output.resolve(Tables.DOCUMENTS).toString()).count()).isEqualTo(5);
    } finally {
      spark.stop();
    }
  }
}
