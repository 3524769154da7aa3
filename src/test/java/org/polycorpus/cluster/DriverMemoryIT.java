package org.polycorpus.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job, driver and local executors, in a 1 GiB heap, on a multilingual corpus of
 * public documents over a hundred times the size of the seeds: nothing per document may pile
 * up on the driver.
 */
class DriverMemoryIT {
  @TempDir
  Path work;

  @Test
  void completesInOneGigabyteOnAHundredTimesTheSeeds() throws Exception {
    Path corpus = work.resolve("corpus");
    Process make = new ProcessBuilder("bash", "jobs/make-corpus.sh", "4", corpus.toString()).inheritIO().start();
    assertThat(make.waitFor()).as("jobs/make-corpus.sh").isZero();
    assertThat(bytes(corpus)).isGreaterThan(100 * bytes(Path.of("seeds")));

    Path sparkHome = Path.of("target/spark-home");
    if (!Files.isDirectory(sparkHome.resolve("jars"))) {
      Process assemble = new ProcessBuilder("bash", "jobs/spark-home.sh").inheritIO().start();
      assertThat(assemble.waitFor()).isZero();
    }
    String output = work.resolve("out").toString();
    try (LoopbackProcesses processes = new LoopbackProcesses(sparkHome.toAbsolutePath(),
        Path.of("target/it-logs/driver-memory"))) {
      // LoopbackProcesses starts every JVM with -Xmx1g: in local mode that heap holds it all.
      processes.awaitSuccess("submit", processes.java("submit", "org.apache.spark.deploy.SparkSubmit",
          List.of("--master", "local[2]", "--driver-memory", "1g", "--conf", "spark.ui.enabled=false",
              "--class", "org.polycorpus.app.PolycorpusMain", System.getProperty("polycorpus.jar"),
              "--input", corpus.toString(), "--output", output)), 15);
    }
    SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
        .getOrCreate();
    try {
      List<Row> documents = spark.read().parquet(output + "/documents").collectAsList();
      assertThat(documents).hasSize((int) files(corpus));
      assertThat(documents).filteredOn(r -> r.<String>getAs("status").equals("ok")).hasSizeGreaterThan(90);
      assertThat(documents).extracting(r -> r.<String>getAs("language")).contains("ar", "fa", "de", "ru", "en");
    } finally {
      spark.stop();
    }
  }

  private static long bytes(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static long files(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
