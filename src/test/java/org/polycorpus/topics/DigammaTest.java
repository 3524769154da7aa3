package org.polycorpus.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class DigammaTest {
  @Test
  void everyResultIsCommonsMathsDouble() {
    Random random = new Random(7);
    double[] special = {0, -0.0, 1e-5, Math.nextUp(1e-5), 1e-300, 0.5, 1, 48.999999, 49, 49.5, 1e6, -0.5, -3,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
    for (double x : special) {
      assertThat(Double.doubleToRawLongBits(Digamma.of(x))).as("digamma(%s)", x)
          .isEqualTo(Double.doubleToRawLongBits(Gamma.digamma(x)));
    }
    for (int i = 0; i < 200_000; i++) {
      // Concentrations as LDA meets them: tiny, around 1/k, counts, and beyond the series' limit.
      double x = switch (i % 4) {
        case 0 -> random.nextDouble() * 1e-3;
        case 1 -> random.nextDouble();
        case 2 -> random.nextDouble() * 60;
        default -> random.nextDouble() * 1e4;
      };
      assertThat(Double.doubleToRawLongBits(Digamma.of(x))).as("digamma(%s)", x)
          .isEqualTo(Double.doubleToRawLongBits(Gamma.digamma(x)));
    }
  }
}
