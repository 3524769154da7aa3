package org.polycorpus.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The comparator without encoding must order every pair of strings as their UTF-8 bytes do:
 * ASCII, other scripts, chars at U+E000 and above (which UTF-16 puts after surrogates and UTF-8
 * before them), code points above U+FFFF, unpaired surrogates, and prefixes of one another.
 */
class SparkOrderTest {
  private static final char[] ALPHABET = {'a', 'b', 'z', 'A', '0', '?', 'é', 'ß', 'ش', 'ی', 'д', '中', '\uE000',
      '\uFB01', '\uFFFD', '\uFFFF', '\uD83D', '\uDE00', '\uD800', '\uDC00'};

  @Test
  void ordersAsUtf8Bytes() {
    Random random = new Random(7);
    int surrogatePairs = 0;
    for (int n = 0; n < 200_000; n++) {
      String a = randomString(random);
      // Half the pairs share a prefix, so that the chars after it decide.
      String b = random.nextBoolean() ? a.substring(0, random.nextInt(a.length() + 1)) + randomString(random)
          : randomString(random);
      int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
          b.getBytes(StandardCharsets.UTF_8)));
      assertThat(Integer.signum(InTaskVocabulary.compareAsUtf8(a, b))).as("%s vs %s", escape(a), escape(b))
          .isEqualTo(expected);
      surrogatePairs += a.contains("\uD83D\uDE00") ? 1 : 0;
    }
    assertThat(surrogatePairs).isGreaterThan(500);
  }

  private static String randomString(Random random) {
    char[] chars = new char[random.nextInt(6)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    text.chars().forEach(c -> escaped.append(String.format("\\u%04X", c)));
    return escaped.toString();
  }
}
