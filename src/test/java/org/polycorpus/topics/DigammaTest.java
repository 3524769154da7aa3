package org.polycorpus.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class DigammaTest {
  private static final double EULER_MASCHERONI = 0.5772156649015329;

  @Test
  void closedFormsAtIntegersAndHalfIntegers() {
    double harmonic = 0; // H(n - 1)
    double oddHarmonic = 0; // sum of 2 / (2i - 1), i = 1..n
    for (int n = 1; n <= 60; n++) {
      assertThat(Digamma.of(n)).as("digamma(%d)", n).isCloseTo(-EULER_MASCHERONI + harmonic, within(1e-14 * n));
      assertThat(Digamma.of(n - 0.5)).as("digamma(%d - 1/2)", n)
          .isCloseTo(-EULER_MASCHERONI - 2 * Math.log(2) + oddHarmonic, within(1e-14 * n));
      harmonic += 1.0 / n;
      oddHarmonic += 2.0 / (2 * n - 1);
    }
  }

  @Test
  void recurrenceHoldsWhereLdaEvaluatesIt() {
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      // Concentrations as LDA meets them (above 1e-5, where both take -gamma - 1/x): tiny, around
      // 1/k, counts, and beyond the series' start.
      double x = switch (i % 4) {
        case 0 -> 1e-5 + random.nextDouble() * 1e-3;
        case 1 -> 1e-5 + random.nextDouble();
        case 2 -> 1e-5 + random.nextDouble() * 60;
        default -> 1e-5 + random.nextDouble() * 1e4;
      };
      double expected = Digamma.of(x + 1) - 1 / x;
      assertThat(Digamma.of(x)).as("digamma(%s)", x).isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
      // Commons Math, which Spark's LDA calls, is off by up to 3e-9 below 49: its series has
      // the sign of the x^-4 term flipped.
      assertThat(Digamma.of(x)).isCloseTo(Gamma.digamma(x), within(3e-9 + 1e-14 * Math.abs(expected)));
    }
  }

  @Test
  void outsideThePositiveAxisItIsCommonsMaths() {
    for (double x : new double[] {0, -0.0, -0.5, -3, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThat(Double.doubleToRawLongBits(Digamma.of(x))).as("digamma(%s)", x)
          .isEqualTo(Double.doubleToRawLongBits(Gamma.digamma(x)));
    }
  }
}
