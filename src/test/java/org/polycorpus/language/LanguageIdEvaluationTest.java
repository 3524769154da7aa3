package org.polycorpus.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chooses the job's detector by numbers: the one the job runs must be within a point of Lingua's
 * mean accuracy on short and on long texts, and faster. Plain Optimaize is shown for reference. Writes the table the README shows to
 * target/evaluation/language-id.md.
 */
class LanguageIdEvaluationTest {
  private static final double ACCURACY_MARGIN = 0.01;

  @Test
  void theJobsDetectorIsAsAccurateAsTheAlternativesAndFaster() throws Exception {
    List<HandbookSamples.Sample> samples = HandbookSamples.build(20, 40);
    LanguageIdEvaluation.Result ours = LanguageIdEvaluation.evaluate(LanguageIdEvaluation.job(), samples);
    List<LanguageIdEvaluation.Result> alternatives = List.of(
        LanguageIdEvaluation.evaluate(LanguageIdEvaluation.lingua(false), samples),
        LanguageIdEvaluation.evaluate(LanguageIdEvaluation.lingua(true), samples));
    List<LanguageIdEvaluation.Result> all = new java.util.ArrayList<>(List.of(ours));
    all.addAll(alternatives);
    all.add(LanguageIdEvaluation.evaluate(LanguageIdEvaluation.plainOptimaize(), samples));
    Path out = Path.of("target/evaluation/language-id.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, String.join(", ", LanguageIdEvaluation.counts(samples)) + "\n\n"
        + LanguageIdEvaluation.table(all), StandardCharsets.UTF_8);

    assertThat(samples.stream().map(HandbookSamples.Sample::language).distinct().count()).isGreaterThanOrEqualTo(15);
    for (LanguageIdEvaluation.Result other : alternatives) {
      assertThat(ours.macroAccuracy(true)).as("short texts vs " + other.detector())
          .isGreaterThanOrEqualTo(other.macroAccuracy(true) - ACCURACY_MARGIN);
      assertThat(ours.macroAccuracy(false)).as("long texts vs " + other.detector())
          .isGreaterThanOrEqualTo(other.macroAccuracy(false) - ACCURACY_MARGIN);
      assertThat(ours.charsPerSecond()).as("throughput vs " + other.detector()).isGreaterThan(other.charsPerSecond());
    }
  }
}
