package org.polycorpus.stories;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EvidenceTest {
  /** ASCII names skip the transliterator; every word of the seeds that is ASCII gets the transliterated skeleton. */
  @Test
  void asciiNamesGetTheSkeletonTheTransliteratorGives() throws IOException {
    Transliterator toLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
    Set<String> words = new TreeSet<>(Set.of("McDonald", "IBM", "NATO-Gipfel", "iPhone"));
    try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
      for (Path seed : seeds.toList()) {
        for (String word : Files.readString(seed).split("[^\\p{L}]+")) {
          words.add(word);
        }
      }
    }
    long ascii = words.stream().filter(Evidence::isAscii).count();
    assertThat(ascii).isGreaterThan(500);
    assertThat(words.size() - ascii).as("words of other scripts or with diacritics").isGreaterThan(500);
    for (String word : words) {
      if (Evidence.isAscii(word)) {
        assertThat(Evidence.skeleton(word)).as(word).isEqualTo(Evidence.skeleton(toLatin.transliterate(word)));
      }
    }
  }
}
