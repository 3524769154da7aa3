package org.polycorpus.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EvidenceTest {
  /** A local run warms transliteration up on a thread that swallows failures: it may not fail there. */
  @Test
  void warmUpTransliteratesEveryScriptItLists() {
    assertThatCode(Evidence::warmUp).doesNotThrowAnyException();
  }

  /** ASCII names skip the transliterator; every word of the seeds that is ASCII gets the transliterated skeleton. */
  @Test
  void asciiNamesGetTheSkeletonTheTransliteratorGives() throws IOException {
    Transliterator toLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
    Set<String> words = seedWords();
    words.addAll(Set.of("McDonald", "IBM", "NATO-Gipfel", "iPhone"));
    long ascii = words.stream().filter(Evidence::isAscii).count();
    assertThat(ascii).isGreaterThan(500);
    assertThat(words.size() - ascii).as("words of other scripts or with diacritics").isGreaterThan(500);
    for (String word : words) {
      if (Evidence.isAscii(word)) {
        assertThat(Evidence.skeleton(word)).as(word).isEqualTo(Evidence.skeleton(toLatin.transliterate(word)));
      }
    }
  }

  /**
   * Evidence transliterates without ICU's "Lower" step; the skeleton lower-cases itself, so every
   * word of the seeds and of a dozen other scripts (and letters whose lower case is ASCII: the
   * dotted I, the Kelvin sign) gets the skeleton a lower-cased transliteration gives.
   */
  @Test
  void skeletonsNeedNoLowerCaseStepInTheTransliterator() throws IOException {
    Transliterator withLower = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
    Transliterator withoutLower = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    for (String word : otherScriptWords()) {
      assertThat(Evidence.skeleton(withoutLower.transliterate(word))).as(word)
          .isEqualTo(Evidence.skeleton(withLower.transliterate(word)));
    }
  }

  /**
   * Evidence transliterates through a StringBuilder, not ICU's StringBuffer: the same Latin for
   * every word of the seeds and of a dozen other scripts.
   */
  @Test
  void transliterationThroughAStringBuilderGivesICUsResult() throws IOException {
    Transliterator toLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    Evidence evidence = new Evidence();
    Set<String> words = otherScriptWords();
    for (String word : words) {
      assertThat(evidence.latin(word)).as(word).isEqualTo(toLatin.transliterate(word));
    }
    assertThat(words.stream().filter(word -> !toLatin.transliterate(word).equals(word)).count())
        .as("words the transliterator changes").isGreaterThan(500);
  }

  /** Every run of letters in the seeds and words of a dozen other scripts. */
  private static Set<String> otherScriptWords() throws IOException {
    Set<String> words = seedWords();
    words.addAll(Set.of("Αθήνα", "ΣΟΦΟΚΛΗΣ", "Москва", "ЕВРОПА", "北京", "東京", "イスラマバード",
        "ירושלים", "서울", "İstanbul", "\u212Aelvin", "STRAẞE", "Hà Nội", "ĐẶNG", "ประเทศไทย", "ქართული", "Հայաստան",
        "বাংলা", "हिन्दी", "ÅNGSTRÖM", "ǅemal", "ﬁnanz", "𠀀𠀁", "a\uD800b"));
    return words;
  }

  /** Every run of letters in the seeds. */
  private static Set<String> seedWords() throws IOException {
    Set<String> words = new TreeSet<>();
    try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
      for (Path seed : seeds.toList()) {
        words.addAll(List.of(Files.readString(seed).split("[^\\p{L}]+")));
      }
    }
    return words;
  }

  @Test
  void aChineseOrJapaneseClauseIsNoName() {
    Evidence evidence = new Evidence();
    // Unspaced scripts: a run of letters is a clause ("Pakistan and Morocco strengthen
    // cooperation against terrorism"), not a name; a short run may be one.
    assertThat(evidence.keys("巴基斯坦和摩洛哥加强反恐合作", "zh")).isEmpty();
    assertThat(evidence.keys("首都はイスラマバードです", "ja")).isEmpty();
    assertThat(evidence.keys("イスラマバード", "ja")).extracting(Evidence.Key::key).containsExactly("@srmbd");
    assertThat(evidence.keys("巴基斯坦", "zh")).extracting(Evidence.Key::word).containsExactly("巴基斯坦");
  }

  /** Leading zeros go as the regular expression {@code ^0+(?=\d)} took them: one digit stays. */
  @Test
  void leadingZerosStripLikeTheRegularExpression() {
    Random random = new Random(5);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder number = new StringBuilder();
      for (int length = 1 + random.nextInt(6); length > 0; length--) {
        number.append(random.nextInt(3) == 0 ? (char) ('0' + random.nextInt(10)) : '0');
      }
      assertThat(Evidence.stripLeadingZeros(number))
          .isEqualTo(number.toString().replaceFirst("^0+(?=\\d)", ""));
    }
  }
}
