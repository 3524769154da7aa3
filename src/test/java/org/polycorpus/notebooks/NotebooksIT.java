package org.polycorpus.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.app.PolycorpusMain;

/**
 * Executes every notebook in notebooks/ against a seeds run, as the JJava kernel would, and
 * writes the executed notebooks with their outputs under target/notebooks/.
 */
class NotebooksIT {
  private static final Path NOTEBOOKS = Path.of("notebooks");
  private static final Path EXECUTED = Path.of("target", "notebooks");

  @TempDir
  static Path work;
  private static List<String> languages;
  /** Each notebook runs once; the tests read its outputs. */
  private static final Map<Path, ObjectNode> RUNS = new HashMap<>();

  @BeforeAll
  static void seedsRunAndRuntime() throws IOException, InterruptedException {
    // The notebooks' %jars magic loads the built jar and the Spark runtime from target/.
    script("jobs/spark-home.sh");
    // Chart fonts with Arabic and Persian glyphs.
    script("jobs/setup-test-tools.sh");
    System.setProperty("spark.ui.enabled", "false");
    Path output = work.resolve("output");
    assertThat(PolycorpusMain.run("--input", "seeds", "--output", output.toString(), "--master", "local[2]"))
        .isZero();
    System.setProperty("polycorpus.output", output.toString());
    SparkSession spark = SparkSession.builder().master("local[2]").getOrCreate();
    languages = spark.read().parquet(output.resolve("document_terms").toString()).select("language").distinct()
        .orderBy("language").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    spark.stop();
    assertThat(languages).containsExactly("ar", "de", "fa");
  }

  @Test
  void everyNotebookRunsAndShowsCharts() throws IOException {
    List<Path> notebooks;
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertThat(notebooks).hasSizeGreaterThanOrEqualTo(4);
    for (Path notebook : notebooks) {
      ObjectNode executed = execute(notebook);
      assertThat(images(executed)).as(notebook + " images").isNotEmpty();
    }
  }

  @Test
  void termsAndMapsHaveOneChartPerLanguage() throws IOException {
    assertThat(images(execute(NOTEBOOKS.resolve("02-terms.ipynb")))).hasSize(languages.size());
    assertThat(images(execute(NOTEBOOKS.resolve("03-clusters-and-topics.ipynb")))).hasSize(languages.size());
  }

  @Test
  void scoringNotebookPlacesNewTextInTheRunsClusters() throws IOException {
    ObjectNode executed = execute(NOTEBOOKS.resolve("04-scoring-new-text.ipynb"));
    assertThat(texts(executed, "execute_result")).anySatisfy(text -> assertThat(text).contains("[ar, de, fa]"));
    String printed = String.join("", texts(executed, "stream"));
    assertThat(printed).containsPattern("new-de\\s*\\|de\\s*\\|").containsPattern("new-fa\\s*\\|fa\\s*\\|");
  }

  private static ObjectNode execute(Path notebook) throws IOException {
    ObjectNode executed = RUNS.get(notebook);
    if (executed == null) {
      executed = run(notebook);
      RUNS.put(notebook, executed);
    }
    return executed;
  }

  /** Runs a notebook, writes it under target/notebooks and stops the Spark session it started. */
  private static ObjectNode run(Path notebook) throws IOException {
    try {
      ObjectNode executed = new NotebookRunner(notebook).run();
      Files.createDirectories(EXECUTED);
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(
          EXECUTED.resolve(notebook.getFileName()).toFile(), executed);
      return executed;
    } finally {
      SparkSession.getDefaultSession().foreach(session -> {
        session.stop();
        return null;
      });
    }
  }

  private static List<String> images(JsonNode notebook) {
    List<String> images = new ArrayList<>();
    for (JsonNode cell : notebook.path("cells")) {
      for (JsonNode output : cell.path("outputs")) {
        JsonNode png = output.path("data").path("image/png");
        if (!png.isMissingNode()) {
          assertThat(png.asText()).startsWith("iVBORw0KGgo");
          images.add(png.asText());
        }
      }
    }
    return images;
  }

  private static List<String> texts(JsonNode notebook, String outputType) {
    List<String> texts = new ArrayList<>();
    for (JsonNode cell : notebook.path("cells")) {
      for (JsonNode output : cell.path("outputs")) {
        if (output.path("output_type").asText().equals(outputType)) {
          JsonNode lines = outputType.equals("stream") ? output.path("text") : output.path("data").path("text/plain");
          StringBuilder text = new StringBuilder();
          lines.forEach(line -> text.append(line.asText()));
          texts.add(text.toString());
        }
      }
    }
    return texts;
  }

  private static void script(String path) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(path).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertThat(process.waitFor()).as(path).isZero();
  }
}
