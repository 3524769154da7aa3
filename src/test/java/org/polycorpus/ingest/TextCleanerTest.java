package org.polycorpus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextCleanerTest {
  @Test
  void normalisesUnicodeAndWhitespace() {
    assertThat(TextCleaner.clean("  Ａｂｃ\u00A0 def\t\tghi  ")).isEqualTo("Abc def ghi"); // NFKC, spaces
    assertThat(TextCleaner.clean("a\r\n\r\n\n  \nb")).isEqualTo("a\nb"); // blank lines
    assertThat(TextCleaner.clean("ﻻ")).isEqualTo("لا"); // Arabic presentation form
    assertThat(TextCleaner.clean("x\u200By\uFEFF\u00ADz\u0007")).isEqualTo("xyz"); // invisible characters
    assertThat(TextCleaner.clean("می\u200Cکنند")).isEqualTo("می\u200Cکنند"); // ZWNJ kept for Persian
    assertThat(TextCleaner.clean("a \u200B b\u2028 c\u0085\u000Bd")).isEqualTo("a b\nc\nd");
    assertThat(TextCleaner.clean(null)).isEmpty();
  }

  /** The rules as regular expressions, applied one after another: what the one pass must equal. */
  @Test
  void equalsTheRulesAppliedOneByOne() {
    Pattern lineBreak = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u000B\\u000C\\u0085]");
    Pattern invisible = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B\\u2060\\uFEFF\\u00AD]");
    Pattern horizontalSpace = Pattern.compile("[\\t\\p{Zs}]+");
    String alphabet = "ab ß\u00A0\t\n\r\u2028\u2029\u000B\u000C\u0085\u0007\u200B\u200C\u2060\uFEFF\u00AD\u3000\u1680"
        + "Ａﻻ\uD83D\uDE00";
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int length = random.nextInt(30); length > 0; length--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
      normalised = invisible.matcher(lineBreak.matcher(normalised).replaceAll("\n")).replaceAll("");
      StringBuilder expected = new StringBuilder();
      for (String line : normalised.split("\n")) {
        String tidy = horizontalSpace.matcher(line).replaceAll(" ").strip();
        if (!tidy.isEmpty()) {
          expected.append(expected.length() > 0 ? "\n" : "").append(tidy);
        }
      }
      assertThat(TextCleaner.clean(text.toString())).as("%s", text.toString().chars().mapToObj(Integer::toHexString)
          .toList()).isEqualTo(expected.toString());
    }
  }
}
