package org.polycorpus.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sampler must decide exactly as Tika's Optimaize detector does, probability bits included,
 * on real text in 26 languages: whole pages, paragraphs, text long enough for Tika to add it in
 * pieces, texts short enough for Optimaize's other algorithm, and text that starts with a space.
 * One sampler answers every question about a text in turn, first for its own language (settled
 * early, not remembered) and then for others (sampled in full once, then answered from memory).
 */
class NgramSamplerTest {
  private static final int MAX_CHARS = 10_000;
  private static final List<String> TEXTS = new ArrayList<>();
  /** Tika's answer for each text, computed once. */
  private static final List<NgramSampler.Best> TIKA = new ArrayList<>();

  @BeforeAll
  static void texts() throws Exception {
    Map<String, StringBuilder> pages = new TreeMap<>();
    for (HandbookSamples.Sample sample : HandbookSamples.build(4, 25)) {
      String text = sample.text();
      pages.computeIfAbsent(sample.language(), language -> new StringBuilder()).append(text).append('\n');
      TEXTS.add(text);
      TEXTS.add(" " + text.substring(0, Math.min(120, text.length())));
      TEXTS.add(text.substring(0, Math.min(5 + text.length() % 25, text.length())));
    }
    // Tika adds text of 4 096 chars or more in pieces, up to the detector's limit.
    for (StringBuilder page : pages.values()) {
      for (int length : new int[] {4_095, 4_096, 8_193, 10_000, 12_000}) {
        TEXTS.add(page.substring(0, Math.min(length, page.length())));
      }
    }
    TEXTS.add("Folgen Sie uns auf Facebook. The quick brown fox jumps over the lazy dog near the river bank.");
    TEXTS.add("12345 67890 --- ### !!!");
    TEXTS.add(" ");
    TEXTS.forEach(text -> TIKA.add(tika(text)));
  }

  @Test
  void findsTikasLanguageAndProbability() {
    NgramSampler sampler = new NgramSampler(MAX_CHARS);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(sampler.best(TEXTS.get(i))).as(TEXTS.get(i)).isEqualTo(TIKA.get(i));
    }
    assertThat(TEXTS).hasSizeGreaterThan(1_500);
    assertThat(TIKA.stream().filter(Objects::nonNull).count()).isGreaterThan(TEXTS.size() * 9 / 10);
  }

  @Test
  void findsAnotherLanguageExactlyWhenTikaFindsItConfidently() {
    NgramSampler sampler = new NgramSampler(MAX_CHARS);
    int left = 0;
    for (int i = 0; i < TEXTS.size(); i++) {
      String text = TEXTS.get(i);
      NgramSampler.Best tika = TIKA.get(i);
      String best = tika == null ? LanguageGuess.UNDETERMINED : tika.language();
      for (String language : List.of(best, "en", "de", "fr", LanguageGuess.UNDETERMINED)) {
        for (double minConfidence : new double[] {0.5, 0.9, 0.99}) {
          boolean leaves = tika != null && !best.equals(language) && tika.probability() >= minConfidence;
          assertThat(sampler.other(text, language, minConfidence)).as(language + " " + minConfidence + ": " + text)
              .isEqualTo(leaves ? tika : null);
          left += leaves ? 1 : 0;
        }
      }
    }
    assertThat(left).isGreaterThan(TEXTS.size());
  }

  /** Tika's best language (primary subtag) and raw score, as the sampler reports them; null for none. */
  private static NgramSampler.Best tika(String text) {
    OptimaizeLangDetector detector = new OptimaizeLangDetector(MAX_CHARS);
    detector.loadModels();
    detector.addText(text);
    LanguageResult best = detector.detect();
    return best.isUnknown() ? null : new NgramSampler.Best(primarySubtag(best.getLanguage()), best.getRawScore());
  }

  private static String primarySubtag(String tag) {
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }
}
