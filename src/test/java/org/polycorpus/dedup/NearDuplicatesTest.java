package org.polycorpus.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.polycorpus.SparkTestBase;
import org.polycorpus.analysis.TextAnalyzer;
import org.polycorpus.language.HandbookSamples;
import org.polycorpus.language.LanguageDetector;

/**
 * The seeds plus a syndicated copy of 002 (another headline, last paragraph cut) and the first
 * half of 000: the copy is a near-duplicate of 002; half an article is not a copy of it.
 */
class NearDuplicatesTest extends SparkTestBase {
  private static final NearDuplicates.Settings SETTINGS = new NearDuplicates.Settings(0.7, 3, 42);

  @Test
  void aSyndicatedCopyIsGroupedWithItsOriginalAndNotModelled() throws IOException {
    List<Object[]> docs = new ArrayList<>();
    try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
      for (Path seed : seeds.sorted().toList()) {
        docs.add(new Object[] {seed.getFileName().toString().substring(0, 3), Files.readString(seed)});
      }
    }
    List<String> original = Files.readAllLines(Path.of("seeds/002_7a23a3b7712982e3.txt"), StandardCharsets.UTF_8);
    List<String> copy = new ArrayList<>(List.of("Sicherheit: Rabat und Paris rücken enger zusammen", ""));
    copy.addAll(original.subList(4, original.size() - 2));
    docs.add(new Object[] {"copy-of-002", String.join("\n", copy)});
    List<String> article = Files.readAllLines(Path.of("seeds/000_ba24edf17fc4e890.txt"), StandardCharsets.UTF_8);
    docs.add(new Object[] {"half-of-000", String.join("\n", article.subList(0, article.size() / 2))});

    Dataset<Row> parts = parts(analysed(rows(new StructType().add("doc_id", "string").add("body", "string"),
        docs.toArray(Object[][]::new))));
    List<Row> groups = NearDuplicates.groups(NearDuplicates.find(parts, SETTINGS)).orderBy("doc_id").collectAsList();

    assertThat(groups).extracting(r -> r.<String>getAs("doc_id")).containsExactly("002", "copy-of-002");
    assertThat(groups).allSatisfy(r -> {
      assertThat(r.<String>getAs("group_id")).isEqualTo("002");
      assertThat(r.<String>getAs("language")).isEqualTo("de");
      assertThat(r.<Long>getAs("size")).isEqualTo(2L);
      assertThat(r.<Double>getAs("similarity")).isBetween(0.7, 0.99);
    });
    assertThat(groups).extracting(r -> r.<Boolean>getAs("kept")).containsExactly(true, false);

    Dataset<Row> kept = NearDuplicates.keptOnly(parts, NearDuplicates.groups(NearDuplicates.find(parts, SETTINGS)));
    assertThat(kept.filter("language = 'de'").select("doc_id").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList()).containsExactlyInAnyOrder("000", "002", "003", "half-of-000");
  }

  @Test
  void exactCopiesAreFoundAtTheStrictestThreshold() throws IOException {
    String text = Files.readString(Path.of("seeds/001_e5448f806678b67b.txt"));
    Dataset<Row> parts = parts(analysed(rows(new StructType().add("doc_id", "string").add("body", "string"),
        new Object[] {"a", text}, new Object[] {"b", text})));
    List<Row> groups = NearDuplicates.find(parts, new NearDuplicates.Settings(1.0, 3, 42)).collectAsList();
    assertThat(groups).extracting(r -> r.<String>getAs("duplicate_of")).containsOnly("a");
    assertThat(groups).extracting(r -> r.<Double>getAs("duplicate_similarity")).containsOnly(1.0);
  }

  /**
   * Up to its limit the search runs in one task; it must find what the distributed joins find.
   * The handbook's pages in 26 languages, and copies of them with a line cut or a headline
   * added, give groups in many languages and scripts among hundreds of distinct texts.
   */
  @Test
  void oneTaskFindsTheGroupsOfTheDistributedJoins() throws IOException {
    Dataset<Row> parts = parts(analysed(handbookWithCopies())).localCheckpoint();
    Dataset<Row> inTask = NearDuplicates.find(parts, SETTINGS);
    Dataset<Row> distributed = NearDuplicates.find(parts, SETTINGS, 0);
    assertThat(inTask.exceptAll(distributed).count()).isZero();
    assertThat(distributed.exceptAll(inTask).count()).isZero();
    assertThat(inTask.select("language").distinct().count()).isGreaterThan(10);
    assertThat(inTask.select("duplicate_of").distinct().count()).isGreaterThan(30);
  }

  /** A run signs the parts as it analyses them; the groups must be those found from the tokens. */
  @Test
  void signaturesTakenWithTheAnalysisFindTheSameGroups() throws IOException {
    Dataset<Row> analysed = analysed(handbookWithCopies()).localCheckpoint();
    Dataset<Row> signed = analysed.select(col("doc_id"),
            explode(NearDuplicates.signatures(col("parts"), SETTINGS)).as("signed"))
        .select(col("doc_id"), col("signed.*"));
    Dataset<Row> fromSignatures = NearDuplicates.findSigned(signed, SETTINGS);
    Dataset<Row> fromTokens = NearDuplicates.find(parts(analysed), SETTINGS);
    assertThat(fromSignatures.exceptAll(fromTokens).count()).isZero();
    assertThat(fromTokens.exceptAll(fromSignatures).count()).isZero();
    assertThat(fromTokens.select("duplicate_of").distinct().count()).isGreaterThan(30);
  }

  private Dataset<Row> handbookWithCopies() throws IOException {
    List<Object[]> docs = new ArrayList<>();
    int n = 0;
    for (HandbookSamples.Sample sample : HandbookSamples.build(10, 0)) {
      String id = sample.language() + "-" + n++;
      docs.add(new Object[] {id, sample.text()});
      if (n % 3 == 0) {
        String[] lines = sample.text().split("\n");
        docs.add(new Object[] {id + "-cut", String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 1))});
        docs.add(new Object[] {id + "-headline", "Neu: " + sample.text()});
      }
    }
    return rows(new StructType().add("doc_id", "string").add("body", "string"), docs.toArray(Object[][]::new));
  }

  private static Dataset<Row> analysed(Dataset<Row> bodies) {
    return new TextAnalyzer().transform(new LanguageDetector().transform(bodies));
  }

  private static Dataset<Row> parts(Dataset<Row> analysed) {
    return analysed.select(col("doc_id"), explode(col("parts")).as("part"))
        .select(col("doc_id"), col("part.tokens").as("tokens"), col("part.language").as("language"));
  }
}
