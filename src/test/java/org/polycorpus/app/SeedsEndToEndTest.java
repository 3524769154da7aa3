package org.polycorpus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.analysis.LanguageAnalyzers;
import org.polycorpus.analysis.Tokens;
import org.polycorpus.output.Tables;

/** Runs the whole job twice on seeds/ in local[2] and checks what a user would read. */
class SeedsEndToEndTest {
  private static final Path SEEDS = Path.of("seeds");
  /** Function words checked independently of the analyzers' own stopword lists. */
  private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
      "de", Set.of("und", "der", "die", "das", "mit", "von", "für", "auf", "ist", "den", "dem", "des", "sich", "ein"),
      "fa", Set.of("و", "در", "به", "از", "که", "این", "را", "با", "است", "برای", "آن", "ای", "می"),
      "ar", Set.of("في", "من", "على", "إلى", "أن", "التي", "الذي", "مع", "عن", "هذه", "هذا", "و"));

  @TempDir
  static Path work;
  private static SparkSession spark;
  private static Path first;
  private static Path second;
  private static Path scored;

  @BeforeAll
  static void runTwice() {
    System.setProperty("spark.ui.enabled", "false");
    first = work.resolve("first");
    second = work.resolve("second");
    assertThat(PolycorpusMain.run("--input", SEEDS.toString(), "--output", first.toString(), "--master", "local[2]"))
        .isZero();
    assertThat(PolycorpusMain.run("--input", SEEDS.toString(), "--output", second.toString(), "--master", "local[2]"))
        .isZero();
    scored = work.resolve("scored");
    assertThat(PolycorpusMain.run("score", "--models", first.toString(), "--input", SEEDS.toString(),
        "--output", scored.toString(), "--master", "local[2]")).isZero();
    spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> table(Path output, String name) {
    return spark.read().parquet(output.resolve(name).toString());
  }

  private static Map<String, String> docIdsBySeed() {
    return table(first, Tables.DOCUMENTS).select("relative_path", "doc_id").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0).substring(0, 3), r -> r.getString(1)));
  }

  private static List<Row> topTen(String docId) {
    return table(first, Tables.DOCUMENT_TERMS).filter(col("doc_id").equalTo(docId).and(col("rank").leq(10)))
        .orderBy("rank").collectAsList();
  }

  @Test
  void detectsTheSeedsLanguages() {
    Map<String, String> languages = new HashMap<>();
    for (Row row : table(first, Tables.DOCUMENTS).collectAsList()) {
      languages.put(row.<String>getAs("relative_path").substring(0, 3), row.getAs("language"));
      assertThat(row.<String>getAs("status")).isEqualTo("ok");
      assertThat(row.<Double>getAs("language_confidence")).isGreaterThan(0.9);
      assertThat(row.<Integer>getAs("token_count")).isGreaterThan(100);
      // No line of a seed is confidently another language: each is wholly its own.
      assertThat(row.<Row>getList(row.fieldIndex("languages"))).singleElement()
          .satisfies(share -> assertThat(share.getString(0)).isEqualTo(row.getAs("language")))
          .satisfies(share -> assertThat(share.getDouble(1)).isEqualTo(1.0));
    }
    assertThat(languages).containsExactlyInAnyOrderEntriesOf(
        Map.of("000", "de", "001", "fa", "002", "de", "003", "de", "004", "ar"));
  }

  @Test
  void theMeetingInRabatIsOneStoryInThreeLanguages() {
    assertThat(table(first, Tables.STORIES).collectAsList())
        .extracting(r -> r.<String>getAs("language") + " "
            + r.<Long>getAs("size") + " " + r.<Long>getAs("languages"))
        .containsExactlyInAnyOrder("de 3 3", "fa 3 3", "ar 3 3");
    Map<String, String> seedOf = new HashMap<>();
    for (Row row : table(first, Tables.DOCUMENTS).collectAsList()) {
      seedOf.put(row.getAs("doc_id"), row.<String>getAs("relative_path").substring(0, 3));
    }
    assertThat(table(first, Tables.STORIES).collectAsList()).extracting(r -> seedOf.get(r.<String>getAs("doc_id")))
        .containsExactlyInAnyOrder("000", "001", "004");
  }

  @Test
  void boilerplateIsRemovedAndCounted() {
    Map<String, Integer> removed = table(first, Tables.DOCUMENTS).collectAsList().stream().collect(
        Collectors.toMap(r -> r.<String>getAs("relative_path").substring(0, 3), r -> r.getAs("boilerplate_chars")));
    assertThat(removed.get("000")).isGreaterThan(500); // ticker, "Folgen Sie uns", "Kommentare (0)"
    assertThat(removed.get("002")).isGreaterThan(100); // repeated headline, PREV/NEXT
    assertThat(removed.get("003")).isGreaterThan(500);
  }

  @Test
  void noBoilerplateOrTickerOnlyWordInAnyTopTen() throws IOException {
    Analyzer german = LanguageAnalyzers.create("de");
    Map<String, String> ids = docIdsBySeed();
    for (String seed : List.of("000", "002", "003")) {
      Set<String> tickerTerms = new HashSet<>();
      Set<String> articleTerms = new HashSet<>();
      Set<String> templateTerms = new HashSet<>(Tokens.analyze(german,
          "Folgen Sie uns auf Facebook Kommentare PREV NEXT APAnews", 2, 40));
      for (String line : Files.readAllLines(seedFile(seed), StandardCharsets.UTF_8)) {
        List<String> terms = Tokens.analyze(german, line, 2, 40);
        if (line.matches("^- \\d\\d:\\d\\d.*")) {
          tickerTerms.addAll(terms);
        } else if (line.startsWith("PREV") || line.startsWith("NEXT")) {
          templateTerms.addAll(terms);
        } else {
          articleTerms.addAll(terms);
        }
      }
      tickerTerms.removeAll(articleTerms);
      templateTerms.removeAll(articleTerms);
      assertThat(tickerTerms.size() + templateTerms.size()).as(seed).isGreaterThan(0);
      List<String> top = topTen(ids.get(seed)).stream().map(r -> r.<String>getAs("term")).toList();
      assertThat(top).as("top terms of %s", seed).hasSize(10)
          .noneMatch(tickerTerms::contains).noneMatch(templateTerms::contains);
    }
  }

  @Test
  void noStopwordInAnyTopTen() {
    Map<String, String> languages = Map.of("000", "de", "001", "fa", "002", "de", "003", "de", "004", "ar");
    docIdsBySeed().forEach((seed, docId) -> {
      String language = languages.get(seed);
      for (Row term : topTen(docId)) {
        String stem = term.getAs("term");
        String word = term.getAs("word");
        assertThat(LanguageAnalyzers.stopwords(language).contains(stem)).as("%s in %s", stem, seed).isFalse();
        assertThat(FUNCTION_WORDS.get(language)).as(seed).doesNotContain(stem, word);
      }
    });
  }

  @Test
  void singleDocumentLanguagesHavePositiveTopTerms() {
    Map<String, String> ids = docIdsBySeed();
    for (String seed : List.of("001", "004")) {
      List<Row> top = topTen(ids.get(seed));
      assertThat(top).as(seed).hasSize(10);
      assertThat(top).allSatisfy(row -> assertThat(row.<Double>getAs("tfidf")).isGreaterThan(0.0));
    }
  }

  @Test
  void everyTableHasItsDocumentedSchema() {
    for (Map.Entry<String, org.apache.spark.sql.types.StructType> table : Tables.SCHEMAS.entrySet()) {
      Dataset<Row> written = table(first, table.getKey());
      if (table.getKey().equals(Tables.STORY_LINKS)) {
        assertThat(written.count()).as("000-001, 000-004, 001-004").isEqualTo(3);
      } else if (table.getKey().equals(Tables.DUPLICATE_GROUPS)) {
        assertThat(written.count()).as("no two seeds are near-duplicates").isZero();
      } else {
        assertThat(written.count()).as(table.getKey()).isPositive();
      }
      assertThat(written.schema().fieldNames()).as(table.getKey()).containsExactly(table.getValue().fieldNames());
      for (StructField field : table.getValue().fields()) {
        assertThat(written.schema().apply(field.name()).dataType().asNullable())
            .as("%s.%s", table.getKey(), field.name()).isEqualTo(field.dataType().asNullable());
      }
    }
    assertThat(first.resolve("manifest.json")).exists();
    assertThat(first.resolve("_SUCCESS")).exists();
    assertThat(first.resolve("_work")).doesNotExist();
  }

  @Test
  void clustersTopicsAndTheKSweepAreRecorded() {
    List<Row> clusters = table(first, Tables.CLUSTERS).collectAsList();
    assertThat(clusters).extracting(r -> r.<String>getAs("language")).containsOnly("de", "fa", "ar");
    assertThat(clusters).allSatisfy(r -> assertThat(r.<scala.collection.Seq<String>>getAs("label_terms").size())
        .isEqualTo(10));
    assertThat(table(first, Tables.DOCUMENT_CLUSTERS).count()).isEqualTo(5);
    assertThat(table(first, Tables.TOPICS).filter("language = 'de'").select("topic_id").distinct().count())
        .isEqualTo(3); // --topics 5, capped at the three German documents
    Row run = table(first, Tables.RUNS).first();
    List<Row> sweep = run.getList(run.fieldIndex("k_sweep"));
    assertThat(sweep).filteredOn(r -> r.getString(0).equals("de")).extracting(r -> r.getInt(1)).containsExactly(2);
    assertThat(run.<String>getAs("master")).isEqualTo("local[2]");
    // Every cluster of a split language has its own silhouette; coherence is NPMI, in [-1, 1].
    assertThat(table(first, Tables.CLUSTERS).filter("language = 'de'").collectAsList()).allSatisfy(cluster -> {
      assertThat(cluster.<Double>getAs("silhouette")).isBetween(-1.0, 1.0);
      assertThat(cluster.<Double>getAs("coherence")).isBetween(-1.0, 1.0);
    });
    assertThat(table(first, Tables.TOPICS).filter("language = 'de'").collectAsList())
        .allSatisfy(term -> assertThat(term.<Double>getAs("coherence")).isBetween(-1.0, 1.0));
  }

  /** The runs table counts documents per language and status as Spark's aggregate of the documents table does. */
  @Test
  void runsTableCountsTheDocumentsTable() {
    Row run = table(first, Tables.RUNS).first();
    List<Row> counts = run.getList(run.fieldIndex("counts"));
    List<Row> expected = table(first, Tables.DOCUMENTS).groupBy("language", "status").count()
        .orderBy("language", "status").collectAsList();
    assertThat(counts).hasSize(3);
    assertThat(counts.toString()).isEqualTo(expected.toString());
  }

  @Test
  void savedLanguageModelsScoreDocumentsAgain() {
    PipelineModel german = PipelineModel.load(first.resolve("models/de").toString());
    PipelineModel preprocessing = PipelineModel.load(first.resolve("models/_preprocessing").toString());
    Dataset<Row> text = spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(
            "Frankreich und Marokko stärken ihre Zusammenarbeit bei der Sicherheit.")),
        new org.apache.spark.sql.types.StructType().add("text", "string"));
    // The preprocessing gives each text's terms per language; the German model takes the German part.
    Dataset<Row> parts = preprocessing.transform(text).select(explode(col("parts")).as("part"))
        .select(col("part.language").as("language"), col("part.tokens").as("tokens"),
            col("part.surfaces").as("surfaces"));
    Row scored = german.transform(parts).first();
    assertThat(scored.<String>getAs("language")).isEqualTo("de");
    assertThat(scored.<Integer>getAs("cluster_id")).isBetween(0, 1);
  }

  /** The saved models carry everything: scoring the corpus again reproduces its per-document tables. */
  @Test
  void scoreCommandReproducesTheRunsPerDocumentTables() {
    for (String name : List.of(Tables.DOCUMENTS, Tables.DOCUMENT_TERMS, Tables.DOCUMENT_CLUSTERS,
        Tables.DOCUMENT_TOPICS)) {
      Dataset<Row> run = table(first, name).drop("parse_millis");
      Dataset<Row> again = table(scored, name).drop("parse_millis");
      assertThat(again.count()).as(name).isEqualTo(run.count()).isPositive();
      assertThat(run.exceptAll(again).count()).as(name).isZero();
    }
    assertThat(table(scored, Tables.RUNS).first().<scala.collection.Map<String, String>>getAs("parameters")
        .get("models").get()).isEqualTo(first.toString());
    assertThat(scored.resolve(Tables.CLUSTERS)).doesNotExist();
  }

  @Test
  void readmeDashboardQueriesRunOnTheTables() throws Exception {
    List<String> blocks = ReadmeQueries.blocks();
    assertThat(blocks).hasSize(5);
    List<List<Object[]>> duckdb = new java.util.ArrayList<>();
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
      for (String block : List.of(blocks.get(0), blocks.get(1), blocks.get(2), blocks.get(4))) {
        String sql = String.join(";\n", ReadmeQueries.statements(block)).replace("'output/", "'" + first + "/");
        try (java.sql.Statement statement = db.createStatement();
            java.sql.ResultSet result = statement.executeQuery(sql)) {
          List<Object[]> rows = new java.util.ArrayList<>();
          while (result.next()) {
            rows.add(new Object[] {result.getObject(1), result.getObject(2), result.getObject(3)});
          }
          duckdb.add(rows);
        }
      }
    }
    // Five documents by language and status; ten words for each of three languages; five mapped documents.
    assertThat(duckdb.get(0).stream().mapToLong(r -> ((Number) r[2]).longValue()).sum()).isEqualTo(5);
    assertThat(duckdb.get(1)).hasSize(30);
    assertThat(duckdb.get(2)).hasSize(5);
    // The one story: its German, Persian and Arabic documents, each beside the others' clusters.
    assertThat(duckdb.get(3)).extracting(r -> r[1]).containsExactly("ar", "de", "fa");

    Dataset<Row> topics = null;
    for (String statement : ReadmeQueries.statements(blocks.get(3))) {
      topics = spark.sql(statement.replace("'output/", "'" + first + "/"));
    }
    List<Row> rows = topics.collectAsList();
    assertThat(rows).hasSize((int) table(first, Tables.TOPICS).select("language", "topic_id").distinct().count());
    assertThat(rows.stream().mapToLong(r -> r.getLong(3)).sum()).isEqualTo(5);
  }

  @Test
  void rerunsProduceIdenticalTables() {
    for (String name : Tables.SCHEMAS.keySet()) {
      if (name.equals(Tables.RUNS)) {
        continue; // run ids, times and timings
      }
      Dataset<Row> a = table(first, name).drop("parse_millis");
      Dataset<Row> b = table(second, name).drop("parse_millis");
      assertThat(a.exceptAll(b).count()).as(name).isZero();
      assertThat(b.exceptAll(a).count()).as(name).isZero();
    }
  }

  private static Path seedFile(String prefix) throws IOException {
    try (var files = Files.list(SEEDS)) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }
  }
}
