package org.polycorpus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {
  @Test
  void normalisesUnicodeAndWhitespace() {
    assertThat(TextCleaner.clean("  Ａｂｃ\u00A0 def\t\tghi  ")).isEqualTo("Abc def ghi"); // NFKC, spaces
    assertThat(TextCleaner.clean("a\r\n\r\n\n  \nb")).isEqualTo("a\nb"); // blank lines
    assertThat(TextCleaner.clean("ﻻ")).isEqualTo("لا"); // Arabic presentation form
    assertThat(TextCleaner.clean("x\u200By\uFEFF\u00ADz\u0007")).isEqualTo("xyz"); // invisible characters
    assertThat(TextCleaner.clean("می\u200Cکنند")).isEqualTo("می\u200Cکنند"); // ZWNJ kept for Persian
    assertThat(TextCleaner.clean(null)).isEmpty();
  }
}
