package org.polycorpus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.app.PolycorpusMain;
import org.polycorpus.output.Tables;

/** The whole job on a folder of hostile inputs: it finishes, and every file gets the right row. */
class AdversarialCorpusTest {
  @TempDir
  static Path root;
  private static AdversarialCorpus corpus;
  private static Map<String, String> inputBefore;
  private static int exitCode;
  private static long seconds;
  private static SparkSession spark;
  private static Path output;

  @BeforeAll
  static void runOnHostileInput() throws Exception {
    System.setProperty("spark.ui.enabled", "false");
    corpus = AdversarialCorpus.write(root);
    inputBefore = fingerprint(corpus.input);
    output = root.resolve("out");
    long started = System.nanoTime();
    exitCode = PolycorpusMain.run("--input", corpus.input.toString(), "--output", output.toString(),
        "--master", "local[2]", "--parse-timeout", "15");
    seconds = (System.nanoTime() - started) / 1_000_000_000L;
    spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void finishesInBoundedTimeWithExitCodeZero() {
    assertThat(exitCode).isZero();
    assertThat(seconds).as("wall seconds").isLessThan(300);
  }

  @Test
  void everyFileHasOneRowWithItsExpectedStatus() {
    Map<String, String> actual = new TreeMap<>();
    for (Row row : spark.read().parquet(output.resolve(Tables.DOCUMENTS).toString()).collectAsList()) {
      String previous = actual.put(row.getAs("relative_path"), row.getAs("status"));
      assertThat(previous).as("second row for %s", (Object) row.getAs("relative_path")).isNull();
    }
    assertThat(actual).isEqualTo(new TreeMap<>(corpus.expected));
  }

  @Test
  void failuresCarryGroupableReasons() {
    List<Row> failed = spark.read().parquet(output.resolve(Tables.DOCUMENTS).toString())
        .filter("status NOT IN ('ok')").collectAsList();
    assertThat(failed).allSatisfy(row -> {
      String path = row.getAs("relative_path");
      assertThat(row.<String>getAs("error")).as(path).isNotBlank().doesNotContain(root.toString())
          .doesNotContain(Path.of(path).getFileName().toString());
    });
  }

  @Test
  void encodingsAreDecodedAndLanguagesDetected() {
    Map<String, String> languages = spark.read().parquet(output.resolve(Tables.DOCUMENTS).toString())
        .collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("relative_path"), r -> r.<String>getAs("language")));
    assertThat(languages).containsEntry("arabic_windows1256.txt", "ar")
        .containsEntry("persian_windows1256.txt", "fa")
        .containsEntry("german_iso8859-1.txt", "de")
        .containsEntry("german_windows1252.txt", "de")
        .containsEntry("german_utf16_bom.txt", "de")
        .containsEntry("german_article.txt.gz", "de")
        .containsEntry("مقاله فارسی.txt", "fa");
    List<String> words = spark.read().parquet(output.resolve(Tables.DOCUMENT_TERMS).toString())
        .select("word").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(words).contains("behörden", "maßnahmen")
        .anyMatch(word -> word.contains("مغرب")) // Arabic from windows-1256
        .anyMatch(word -> word.contains("پاکستان")) // Persian from windows-1256
        .noneMatch(word -> word.contains("Ã") || word.contains("â€") || word.contains("Ø") || word.contains("\uFFFD"));
  }

  @Test
  void theReferencedLocalFileLeaksNowhere() {
    for (String table : Tables.SCHEMAS.keySet()) {
      long leaks = spark.read().parquet(output.resolve(table).toString()).toJSON()
          .filter((org.apache.spark.api.java.function.FilterFunction<String>) json -> json.contains(AdversarialCorpus.SECRET))
          .count();
      assertThat(leaks).as(table).isZero();
    }
  }

  @Test
  void nothingIsWrittenOutsideTheOutputAndTheInputIsUntouched() throws Exception {
    try (Stream<Path> entries = Files.list(root)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("input", "secret.txt", "out");
    }
    assertThat(fingerprint(corpus.input)).isEqualTo(inputBefore);
  }

  /** Every path below the folder (links not followed) with its size and SHA-256. */
  private static Map<String, String> fingerprint(Path folder) throws IOException {
    Map<String, String> prints = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.toList()) {
        String key = folder.relativize(path).toString();
        if (Files.isSymbolicLink(path)) {
          prints.put(key, "link to " + Files.readSymbolicLink(path));
        } else if (Files.isRegularFile(path)) {
          prints.put(key, Files.size(path) + " " + sha256(path));
        } else {
          prints.put(key, "folder");
        }
      }
    }
    return prints;
  }

  private static String sha256(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
