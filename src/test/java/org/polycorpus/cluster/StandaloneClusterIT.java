package org.polycorpus.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1 (a Master and two Workers, each its own JVM,
 * from the Spark jars Maven resolves): the shaded jar submitted with spark-submit in client
 * mode writes the same tables as a local-mode run.
 */
class StandaloneClusterIT {
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

  @TempDir
  Path work;

  @Test
  void clusterRunEqualsLocalRun() throws Exception {
    Path sparkHome = assembleSparkHome();
    String jar = System.getProperty("polycorpus.jar");
    assertThat(Path.of(jar)).exists();
    String clusterOut = work.resolve("cluster-out").toString();
    String localOut = work.resolve("local-out").toString();
    String survivorOut = work.resolve("survivor-out").toString();

    try (LoopbackProcesses processes = new LoopbackProcesses(sparkHome, Path.of("target/it-logs/standalone"))) {
      int port = LoopbackProcesses.freePort();
      int webUi = LoopbackProcesses.freePort();
      String master = "spark://127.0.0.1:" + port;
      processes.java("master", "org.apache.spark.deploy.master.Master",
          List.of("--host", "127.0.0.1", "--port", "" + port, "--webui-port", "" + webUi));
      List<Process> workers = new ArrayList<>();
      for (int i = 1; i <= 2; i++) {
        workers.add(processes.java("worker" + i, "org.apache.spark.deploy.worker.Worker",
            List.of("--host", "127.0.0.1", "--cores", "1", "--memory", "1536m",
                "--webui-port", "" + LoopbackProcesses.freePort(),
                "--work-dir", Files.createDirectories(work.resolve("worker" + i)).toString(), master)));
      }
      awaitWorkers(webUi, 2, processes);

      processes.awaitSuccess("submit-cluster", processes.java("submit-cluster",
          "org.apache.spark.deploy.SparkSubmit", submitArgs(master, jar, clusterOut)), 10);
      processes.awaitSuccess("submit-local", processes.java("submit-local",
          "org.apache.spark.deploy.SparkSubmit", submitArgs("local[2]", jar, localOut)), 10);
      assertThat(processes.log("submit-cluster")).contains("master " + master);

      // A worker dies mid-run, executor and all: the job finishes on the other one.
      Process survivor = processes.java("submit-survivor", "org.apache.spark.deploy.SparkSubmit",
          submitArgs(master, jar, survivorOut));
      awaitRunningApplication(webUi, processes);
      Thread.sleep(8_000);
      LoopbackProcesses.kill(workers.get(0));
      processes.awaitSuccess("submit-survivor", survivor, 10);
    }

    SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
        .getOrCreate();
    try {
      TableComparison.assertSameTables(spark, localOut, clusterOut);
      TableComparison.assertSameTables(spark, localOut, survivorOut);
      Row run = spark.read().parquet(clusterOut + "/runs").first();
      assertThat(run.<String>getAs("master")).startsWith("spark://127.0.0.1:");
      assertThat(run.<Integer>getAs("executors")).isEqualTo(2);
      assertThat(run.<String>getAs("app_id")).startsWith("app-");
      // From the shaded jar, whose manifest every package shares: Tika's own version, not polycorpus's.
      assertThat(run.<String, String>getJavaMap(run.fieldIndex("versions")))
          .containsEntry("tika", System.getProperty("tika.version"));
    } finally {
      spark.stop();
    }
  }

  private static List<String> submitArgs(String master, String jar, String output) {
    List<String> args = new ArrayList<>(List.of("--master", master, "--deploy-mode", "client",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.cores=1",
        "--class", "org.polycorpus.app.PolycorpusMain", jar,
        "--input", Path.of("seeds").toAbsolutePath().toString(), "--output", output));
    return args;
  }

  private static Path assembleSparkHome() throws Exception {
    Process assemble = new ProcessBuilder("bash", "jobs/spark-home.sh").redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String home = new String(assemble.getInputStream().readAllBytes()).strip();
    assertThat(assemble.waitFor()).as("jobs/spark-home.sh").isZero();
    return Path.of(home);
  }

  /** Polls the master's JSON status until an application is running. */
  private static void awaitRunningApplication(int webUi, LoopbackProcesses processes) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUi + "/json/")).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (http.send(status, HttpResponse.BodyHandlers.ofString()).body().contains("\"state\" : \"RUNNING\"")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no application started:\n" + processes.log("submit-survivor"));
  }

  /** Polls the master's JSON status until the workers have registered. */
  private static void awaitWorkers(int webUi, int expected, LoopbackProcesses processes) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUi + "/json/")).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Matcher alive = ALIVE_WORKERS.matcher(http.send(status, HttpResponse.BodyHandlers.ofString()).body());
        if (alive.find() && Integer.parseInt(alive.group(1)) >= expected) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // The master's UI is not up yet.
      }
      Thread.sleep(500);
    }
    throw new AssertionError("workers did not register:\n" + processes.log("master") + processes.log("worker1"));
  }
}
