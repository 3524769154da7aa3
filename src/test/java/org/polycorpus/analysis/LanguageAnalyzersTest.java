package org.polycorpus.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class LanguageAnalyzersTest {
  @Test
  void everyDedicatedLanguageHasItsOwnAnalyzerAndStopwords() {
    assertThat(LanguageAnalyzers.dedicatedLanguages()).contains("ar", "de", "en", "fa", "fr", "ru", "zh");
    for (String language : LanguageAnalyzers.dedicatedLanguages()) {
      try (Analyzer analyzer = LanguageAnalyzers.create(language)) {
        assertThat(analyzer).isNotInstanceOf(FallbackAnalyzer.class);
      }
    }
    assertThat(LanguageAnalyzers.stopwords("de").contains("und")).isTrue();
    assertThat(LanguageAnalyzers.stopwords("en").contains("the")).isTrue();
  }

  @Test
  void otherLanguagesGetTheUnicodeFallback() {
    try (Analyzer analyzer = LanguageAnalyzers.create("km")) {
      assertThat(analyzer).isInstanceOf(FallbackAnalyzer.class);
      // ICU segments Thai without spaces and case-folds Latin.
      assertThat(Tokens.analyze(analyzer, "Hello WORLD", 1, 40)).containsExactly("hello", "world");
    }
    try (Analyzer analyzer = LanguageAnalyzers.create("und")) {
      assertThat(Tokens.analyze(analyzer, "ภาษาไทยง่ายนิดเดียว", 1, 40)).hasSizeGreaterThan(2);
    }
  }

  /** A local run warms every analyzer up on a thread that swallows failures: none may fail there. */
  @Test
  void warmUpRunsEveryAnalyzer() {
    assertThatCode(LanguageAnalyzers::warmUp).doesNotThrowAnyException();
  }

  @Test
  void survivesRandomText() {
    Random random = new Random(7);
    for (String language : LanguageAnalyzers.dedicatedLanguages()) {
      try (Analyzer analyzer = LanguageAnalyzers.create(language)) {
        for (int i = 0; i < 50; i++) {
          String text = randomText(random);
          assertThatCode(() -> Tokens.analyze(analyzer, text, 1, 100)).as(language).doesNotThrowAnyException();
        }
      }
    }
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(200);
    for (int i = 0; i < length; i++) {
      int codePoint = random.nextInt(4) == 0 ? ' ' : random.nextInt(0x3000);
      if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
        text.appendCodePoint(codePoint);
      }
    }
    return text.toString();
  }
}
