package org.polycorpus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.SparkTestBase;

class DocumentReaderTest extends SparkTestBase {
  private static final ExtractionLimits LIMITS =
      ExtractionLimits.defaults().withMaxBytes(10_000).withMaxChars(50).withTimeoutMillis(30_000);

  @Test
  void everyFileBecomesOneRowWithAStatus(@TempDir Path input) throws Exception {
    Files.writeString(input.resolve("article.html"),
        "<html><head><title>Überschrift</title></head><body><p>Ein   Absatz über Marokko.</p></body></html>");
    Files.createDirectories(input.resolve("nested/.hidden"));
    Files.writeString(input.resolve("nested/.hidden/_note.txt"), "Versteckt, aber gelesen.");
    Files.write(input.resolve("empty.txt"), new byte[0]);
    Files.write(input.resolve("big.txt"), "x".repeat(20_000).getBytes(StandardCharsets.UTF_8));
    Files.writeString(input.resolve("long.txt"), "Wort ".repeat(100));
    Files.write(input.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj <<".getBytes(StandardCharsets.US_ASCII));

    List<Row> rows = DocumentReader.read(spark, input.toString(), LIMITS).collectAsList();
    Map<String, Row> byPath = rows.stream().collect(Collectors.toMap(r -> r.getAs("relative_path"), r -> r));
    assertThat(byPath).hasSize(6);

    Row html = byPath.get("article.html");
    assertThat((String) html.getAs("status")).isEqualTo(DocumentStatus.OK);
    assertThat((String) html.getAs("title")).isEqualTo("Überschrift");
    assertThat((String) html.getAs("content_type")).isEqualTo("text/html");
    assertThat((String) html.getAs("text")).isEqualTo("Ein Absatz über Marokko.");
    assertThat((String) html.getAs("sha256")).hasSize(64);

    assertThat((String) byPath.get("nested/.hidden/_note.txt").getAs("status")).isEqualTo(DocumentStatus.OK);
    assertThat((String) byPath.get("empty.txt").getAs("status")).isEqualTo(DocumentStatus.EMPTY);
    assertThat((String) byPath.get("big.txt").getAs("status")).isEqualTo(DocumentStatus.TOO_LARGE);
    assertThat((String) byPath.get("big.txt").getAs("error")).contains("--max-bytes");
    Row cut = byPath.get("long.txt");
    assertThat((boolean) cut.getAs("truncated")).isTrue();
    assertThat(((String) cut.getAs("text")).length()).isLessThanOrEqualTo(50);
    Row broken = byPath.get("broken.pdf");
    assertThat((String) broken.getAs("status")).isEqualTo(DocumentStatus.CORRUPT);
    assertThat((String) broken.getAs("error")).isNotBlank().doesNotContain(input.toString());
  }

  @Test
  void aFileDeletedBetweenListingAndReadingIsMissing(@TempDir Path input) throws Exception {
    Files.writeString(input.resolve("stays.txt"), "Ein Text, der bleibt.");
    Files.writeString(input.resolve("goes.txt"), "Ein Text, der verschwindet.");
    var rows = DocumentReader.read(spark, input.toString(), LIMITS); // lists now, reads on collect
    Files.delete(input.resolve("goes.txt"));
    Map<String, String> statuses = rows.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("relative_path"), r -> r.getAs("status")));
    assertThat(statuses).containsEntry("stays.txt", DocumentStatus.OK).containsEntry("goes.txt", DocumentStatus.MISSING);
  }

  @Test
  void docIdsDependOnlyOnThePathBelowTheInput() {
    assertThat(DocumentReader.docId("a/b.txt")).hasSize(16).isEqualTo(DocumentReader.docId("a/b.txt"));
    assertThat(DocumentReader.docId("a/b.txt")).isNotEqualTo(DocumentReader.docId("a/c.txt"));
  }
}
