package org.polycorpus.report;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.app.PolycorpusMain;

/**
 * Opens the report of a seeds run in headless Chromium, installed by jobs/setup-test-tools.sh, and
 * checks what a reader sees: no console errors, every chart drawn, nothing fetched from the
 * network, Arabic and Persian words shown right to left. Saves a screenshot under target/.
 */
class ReportBrowserIT {
  private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
  /** Per chart container: its name, SVG shapes drawn and the text it shows. */
  private static final String CHARTS = """
      Array.from(document.querySelectorAll('[data-chart]')).map(box => ({
        name: box.dataset.chart,
        svgs: box.querySelectorAll('svg').length,
        shapes: box.querySelectorAll('svg path, svg rect').length,
        text: Array.from(box.querySelectorAll('svg text')).map(t => t.textContent).join(' ')
      }))""";
  /** The direction the browser gives each table cell with Arabic-script text. */
  private static final String ARABIC_CELLS = """
      Array.from(document.querySelectorAll('td')).filter(td => /[\\u0600-\\u06FF]/.test(td.textContent))
        .map(td => getComputedStyle(td).direction)""";

  @TempDir
  static Path work;
  private static Path output;
  private static Map<String, String> topWords;

  @BeforeAll
  static void runWithReport() {
    System.setProperty("spark.ui.enabled", "false");
    output = work.resolve("output");
    assertThat(PolycorpusMain.run("--input", "seeds", "--output", output.toString(), "--master", "local[2]",
        "--report")).isZero();
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    try {
      topWords = Map.of("ar", topWord(spark, "ar"), "fa", topWord(spark, "fa"));
    } finally {
      // The report command below starts its own session.
      spark.stop();
    }
  }

  @Test
  void reportCommandRewritesTheSameReport() throws IOException {
    Path again = work.resolve("again.html");
    assertThat(PolycorpusMain.run("report", "--output", output.toString(), "--file", again.toString(),
        "--master", "local[2]")).isZero();
    assertThat(Files.readString(again)).isEqualTo(Files.readString(output.resolve("report.html")));
  }

  @Test
  void rendersEveryChartWithoutErrorsOffline() throws Exception {
    Path report = output.resolve("report.html");
    String html = Files.readString(report);
    assertThat(html.contains("<script src") || html.contains("<link ")).as("external scripts or styles").isFalse();
    try (DevToolsBrowser browser = DevToolsBrowser.start(chromium(), work.resolve("profile"))) {
      for (String domain : List.of("Runtime", "Log", "Page", "Network")) {
        browser.call(domain + ".enable", Map.of());
      }
      browser.call("Page.navigate", Map.of("url", report.toUri().toString()));
      browser.await("Page.loadEventFired", 60_000);

      List<String> errors = new ArrayList<>();
      browser.events("Runtime.exceptionThrown").forEach(e -> errors.add(e.path("params").toString()));
      browser.events("Runtime.consoleAPICalled").stream()
          .filter(e -> List.of("error", "assert", "warning").contains(e.path("params").path("type").asText()))
          .forEach(e -> errors.add(e.path("params").path("args").toString()));
      browser.events("Log.entryAdded").stream()
          .filter(e -> e.path("params").path("entry").path("level").asText().equals("error"))
          .forEach(e -> errors.add(e.path("params").path("entry").toString()));
      assertThat(errors).as("console errors").isEmpty();
      assertThat(browser.events("Network.requestWillBeSent"))
          .extracting(e -> e.path("params").path("request").path("url").asText())
          .allSatisfy(url -> assertThat(url).startsWith("file:"));

      JsonNode charts = browser.evaluate(CHARTS);
      // Documents per language; terms, clusters and map for each of ar, de, fa.
      assertThat(charts).hasSize(1 + 3 * 3);
      for (JsonNode chart : charts) {
        assertThat(chart.path("svgs").asInt()).as(chart.path("name").asText()).isEqualTo(1);
        assertThat(chart.path("shapes").asInt()).as(chart.path("name").asText()).isGreaterThan(3);
      }
      assertThat(chartText(charts, 1, "ar")).contains(topWords.get("ar"));
      assertThat(chartText(charts, 1, "fa")).contains(topWords.get("fa"));
      assertThat(browser.evaluate(ARABIC_CELLS)).isNotEmpty()
          .allSatisfy(direction -> assertThat(direction.asText()).isEqualTo("rtl"));

      screenshot(browser);
    }
  }

  /** The text of the n-th chart (0-based) among those named after the language. */
  private static String chartText(JsonNode charts, int n, String language) {
    List<String> texts = new ArrayList<>();
    charts.forEach(chart -> {
      if (chart.path("name").asText().equals(language)) {
        texts.add(chart.path("text").asText());
      }
    });
    return texts.get(n - 1);
  }

  /** The word with the highest summed TF-IDF of a language, read from the tables. */
  private static String topWord(SparkSession spark, String language) {
    Row best = spark.read().parquet(output.resolve("document_terms").toString())
        .filter(col("language").equalTo(language)).groupBy("word").sum("tfidf")
        .orderBy(col("sum(tfidf)").desc(), col("word")).first();
    assertThat(best.getString(0)).matches(".*[\\u0600-\\u06FF].*");
    return best.getString(0);
  }

  private static void screenshot(DevToolsBrowser browser) throws Exception {
    int height = browser.evaluate("document.documentElement.scrollHeight").asInt();
    browser.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", height,
        "deviceScaleFactor", 1, "mobile", false));
    JsonNode shot = browser.call("Page.captureScreenshot", Map.of("format", "png"));
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  /** Installs Chromium through the project's script when it is missing; returns its path. */
  private static String chromium() throws IOException, InterruptedException {
    Process setup = new ProcessBuilder("jobs/setup-test-tools.sh").redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(setup.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(setup.waitFor()).as("jobs/setup-test-tools.sh").isZero();
    return out.lines().reduce((first, last) -> last).orElseThrow();
  }
}
