package org.polycorpus.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SortedIntsTest {
  @Test
  void setsOfHashIndicesComeBackAsTheyWent() {
    Random random = new Random(7);
    for (int size : new int[] {0, 1, 2, 5, 100, 20_000}) {
      int[] set = IntStream.generate(() -> random.nextInt(ShingleSignatures.FEATURES)).limit(size)
          .sorted().distinct().toArray();
      assertThat(SortedInts.decode(SortedInts.encode(set))).isEqualTo(set);
    }
    int[] extremes = {0, 127, 128, 16_383, 16_384, ShingleSignatures.FEATURES - 1, Integer.MAX_VALUE};
    assertThat(SortedInts.decode(SortedInts.encode(extremes))).isEqualTo(extremes);
  }

  @Test
  void aDenseSetTakesAByteAValue() {
    int[] dense = IntStream.range(1_000, 2_000).toArray();
    assertThat(SortedInts.encode(dense)).hasSize(2 + 2 + 999);
  }
}
