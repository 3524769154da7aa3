package org.polycorpus.language;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.polycorpus.SparkTestBase;
import org.polycorpus.analysis.TextAnalyzer;

/** A German seed article with a paragraph of the Arabic seed quoted in the middle. */
class MixedLanguageDocumentTest extends SparkTestBase {
  @Test
  void theArabicQuoteIsAnalysedAsArabic() throws Exception {
    List<String> german = Files.readAllLines(Path.of("seeds/002_7a23a3b7712982e3.txt"), StandardCharsets.UTF_8);
    String quote = Files.readAllLines(Path.of("seeds/004_b5a8de8f3c704cbb.txt"), StandardCharsets.UTF_8).stream()
        .filter(line -> line.length() > 200).findFirst().orElseThrow();
    String body = String.join("\n", german.subList(0, 8)) + "\n" + quote + "\n"
        + String.join("\n", german.subList(8, german.size()));
    Dataset<Row> input = rows(new StructType().add("body", "string"), new Object[] {body});

    Row detected = new TextAnalyzer().transform(new LanguageDetector().transform(input)).first();

    assertThat(detected.<String>getAs("language")).isEqualTo("de");
    Map<String, Double> shares = detected.<Row>getList(detected.fieldIndex("languages")).stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1)));
    assertThat(shares).containsOnlyKeys("de", "ar");
    assertThat(shares.get("ar")).isCloseTo((quote.length() + 1.0) / body.length(), org.assertj.core.data.Offset.offset(0.01));
    List<Row> segments = detected.getList(detected.fieldIndex("segments"));
    assertThat(segments).extracting(r -> r.getString(0)).containsExactly("de", "ar", "de");
    Row arabic = segments.get(1);
    assertThat(body.substring(arabic.getInt(1), arabic.getInt(2)).strip()).isEqualTo(quote.strip());

    // The quote's words are Arabic terms, stemmed by the Arabic analyzer, and absent from the German part.
    Map<String, List<String>> tokens = new TextAnalyzer().transform(new LanguageDetector().transform(input))
        .select(explode(col("parts")).as("p")).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getStruct(0).getString(0), r -> r.getStruct(0).getList(1)));
    assertThat(tokens).containsOnlyKeys("de", "ar");
    assertThat(tokens.get("ar")).contains("باكستان").allMatch(t -> t.codePoints().anyMatch(
        c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) || t.chars().allMatch(Character::isDigit));
    assertThat(tokens.get("de")).contains("hammouchi").noneMatch(t -> t.codePoints().anyMatch(
        c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC));
  }
}
