package org.polycorpus.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JVMs started by a test (Spark master, workers, spark-submit), logging to files, bound to
 * 127.0.0.1, and all stopped (with their children, such as executors) by {@link #close()}.
 */
final class LoopbackProcesses implements AutoCloseable {
  private final Path sparkHome;
  private final Path logs;
  private final List<Process> started = new ArrayList<>();

  LoopbackProcesses(Path sparkHome, Path logs) throws IOException {
    this.sparkHome = sparkHome;
    this.logs = Files.createDirectories(logs);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts {@code mainClass} with Spark's jars (plus {@code extraClasspath}) on the classpath. */
  Process java(String name, String mainClass, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("spark.jvm.opens").trim().split("\\s+")));
    command.add("-Xmx1g");
    command.add("-Dlog4j2.configurationFile=" + sparkHome.resolve("conf/log4j2.properties"));
    command.add("-cp");
    command.add(sparkHome.resolve("jars") + File.separator + "*");
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    started.add(process);
    return process;
  }

  String log(String name) throws IOException {
    Path file = logs.resolve(name + ".log");
    return Files.exists(file) ? Files.readString(file) : "";
  }

  /** Waits for a process to end; fails with its log if it does not end in time or ends badly. */
  void awaitSuccess(String name, Process process, long minutes) throws Exception {
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      throw new AssertionError(name + " did not finish in " + minutes + " min:\n" + log(name));
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + log(name));
    }
  }

  /** Kills a process and its descendants at once, as a machine failure would. */
  static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Stops every started process and its descendants, newest first. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      Process process = started.get(i);
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    for (Process process : started) {
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
