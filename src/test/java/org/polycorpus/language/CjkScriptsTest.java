package org.polycorpus.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CjkScriptsTest {
  @Test
  void kanaMarksJapaneseHangulKoreanHanAloneChinese() {
    assertThat(CjkScripts.classify("RAID-1 は「RAID ミラーリング」としても知られ、最も簡単で最も広く使われています。").language())
        .isEqualTo("ja");
    assertThat(CjkScripts.classify("4.1.3. 네트워크 부팅을 통한 설치 방법(Installing through Network Booting)").language())
        .isEqualTo("ko");
    assertThat(CjkScripts.classify("本章以不同的视角回到之前已经讲过的几个方面 RAID LVM").language()).isEqualTo("zh");
  }

  @Test
  void latinTextWithAFewHanCharactersIsLeftToTheDetector() {
    assertThat(CjkScripts.classify("The company Huawei (华为) opened an office in Berlin this week to sell phones.")).isNull();
    assertThat(CjkScripts.classify("مراکش و پاکستان روابط امنیتی")).isNull();
  }

  /**
   * The lookup table gives what Character.isLetter and Character.UnicodeScript say: random texts
   * of CJK, Latin, Arabic, punctuation, supplementary letters and lone surrogates.
   */
  @Test
  void classifiesAsTheUnicodeTablesDo() {
    int[][] ranges = {{0x20, 0x7e}, {0x4e00, 0x4fff}, {0x3040, 0x30ff}, {0xac00, 0xacff}, {0x0600, 0x06ff},
        {0x3000, 0x303f}, {0xff00, 0xffef}, {0xd800, 0xdfff}, {0x20000, 0x200ff}, {0x1f600, 0x1f64f}};
    Random random = new Random(7);
    int cjk = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(40);
      int[] mostly = ranges[random.nextInt(ranges.length)];
      for (int i = 0; i < length; i++) {
        int[] range = random.nextInt(5) > 0 ? mostly : ranges[random.nextInt(ranges.length)];
        text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
      }
      LanguageGuess.Result expected = byUnicodeTables(text.toString());
      LanguageGuess.Result actual = CjkScripts.classify(text.toString());
      assertThat(actual).as(text.toString()).isEqualTo(expected);
      cjk += actual == null ? 0 : 1;
    }
    assertThat(cjk).as("texts classified as CJK").isBetween(2_000, 18_000);
  }

  /** classify as written with the JDK's own tables: letters counted by script. */
  private static LanguageGuess.Result byUnicodeTables(String text) {
    Map<Character.UnicodeScript, Long> scripts = text.codePoints().filter(Character::isLetter)
        .mapToObj(Character.UnicodeScript::of).collect(Collectors.groupingBy(script -> script, Collectors.counting()));
    long letters = scripts.values().stream().mapToLong(Long::longValue).sum();
    long han = scripts.getOrDefault(Character.UnicodeScript.HAN, 0L);
    long kana = scripts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0L)
        + scripts.getOrDefault(Character.UnicodeScript.KATAKANA, 0L);
    long hangul = scripts.getOrDefault(Character.UnicodeScript.HANGUL, 0L);
    long all = han + kana + hangul;
    if (letters == 0 || all < CjkScripts.MIN_CJK_SHARE * letters) {
      return null;
    }
    String language = hangul >= han + kana ? "ko" : kana > CjkScripts.MIN_KANA_SHARE * (han + kana) ? "ja" : "zh";
    return new LanguageGuess.Result(language, (double) all / letters);
  }
}
