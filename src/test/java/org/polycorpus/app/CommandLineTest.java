package org.polycorpus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad flags and unusable folders end with one line on stderr and exit code 2, never a stack trace. */
class CommandLineTest {
  @TempDir
  Path dir;

  @BeforeAll
  static void noUi() {
    System.setProperty("spark.ui.enabled", "false");
  }

  private static Result run(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true));
    try {
      int code = PolycorpusMain.run(args);
      return new Result(code, err.toString().strip());
    } finally {
      System.setErr(original);
    }
  }

  record Result(int code, String stderr) {
    Result failsWith(String message) {
      assertThat(code).as(stderr).isEqualTo(2);
      assertThat(stderr).contains(message).doesNotContain("\tat ").startsWith("polycorpus: ");
      return this;
    }
  }

  @Test
  void rejectsBadFlagsBeforeStartingSpark() {
    run("--frobnicate").failsWith("Unknown option: '--frobnicate'");
    run("--k", "1").failsWith("--k must be 0");
    run("--k-min", "5", "--k-max", "3").failsWith("2 <= k-min <= k-max, got 5 and 3");
    run("--topics", "1").failsWith("--topics must be at least 2");
    run("--cluster-algorithm", "dbscan").failsWith("kmeans or bisecting, got dbscan");
    run("--min-language-confidence", "1.5").failsWith("between 0 and 1");
    run("--story-min-score", "0").failsWith("--story-min-score must be in (0, 1]");
    run("--duplicate-similarity", "-1").failsWith("--duplicate-similarity must be positive");
    run("--max-bytes", "many").failsWith("--max-bytes");
    run("--k", "3", "--k-max", "5").failsWith("give one or the other");
  }

  @Test
  void scoreReportAndEvaluateNeedAFinishedRun() {
    run("score", "--input", "seeds").failsWith("Missing required option: '--models=<run output>'");
    run("score", "--models", dir.resolve("run").toString(), "--output", dir.resolve("run/scores").toString())
        .failsWith("must not be the --models run");
    run("score", "--models", dir.resolve("nowhere").toString(), "--input", "seeds", "--output",
        dir.resolve("scores").toString(), "--master", "local[1]").failsWith("no polycorpus models under");
    run("report", "--output", dir.toString(), "--master", "local[1]")
        .failsWith("is not the folder of a finished polycorpus run");
    run("evaluate", "--output", dir.toString(), "--master", "local[1]")
        .failsWith("is not the folder of a finished polycorpus run");
  }

  @Test
  void rejectsMissingOrEmptyInput() throws Exception {
    run("--input", dir.resolve("nowhere").toString(), "--output", dir.resolve("out").toString(),
        "--master", "local[1]").failsWith("does not exist");
    Files.createDirectories(dir.resolve("empty"));
    run("--input", dir.resolve("empty").toString(), "--output", dir.resolve("out").toString(),
        "--master", "local[1]").failsWith("holds no files");
  }

  @Test
  void neverOverwritesAFolderItDidNotWrite() throws Exception {
    Path users = Files.createDirectories(dir.resolve("thesis"));
    Files.writeString(users.resolve("chapter1.txt"), "mine");
    run("--output", users.toString(), "--master", "local[1]").failsWith("was not written by polycorpus");
    assertThat(users.resolve("chapter1.txt")).hasContent("mine");
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(users); // no staging folder left behind
    }
  }

  @Test
  void refusesAnUnwritableOutput() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
    run("--output", file.resolve("out").toString(), "--master", "local[1]").failsWith("is not writable");
  }

  @Test
  void forceReplacesAFolderItDidNotWrite() throws Exception {
    Path users = Files.createDirectories(dir.resolve("old-results"));
    Files.writeString(users.resolve("notes.txt"), "replace me");
    assertThat(PolycorpusMain.run("--output", users.toString(), "--master", "local[1]", "--force")).isZero();
    assertThat(users.resolve("notes.txt")).doesNotExist();
    assertThat(users.resolve("_SUCCESS")).exists();
  }

  @Test
  void refusesAnOutputInsideOrAroundTheInput() throws Exception {
    Path input = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(input.resolve("a.txt"), "Ein Text.");
    run("--input", input.toString(), "--output", input.resolve("out").toString(), "--master", "local[1]")
        .failsWith("must not be the input, inside it, or contain it");
    run("--input", input.toString(), "--output", dir.toString(), "--master", "local[1]")
        .failsWith("must not be the input, inside it, or contain it");
    assertThat(input.resolve("out")).doesNotExist();
  }
}
