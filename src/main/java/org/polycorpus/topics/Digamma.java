package org.polycorpus.topics;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.FastMath;

/**
 * Commons Math's digamma (which Breeze, and so Spark's LDA, calls) with its recursion unrolled:
 * below 49 it computes digamma(x + 1) - 1/x, one call per step, and LDA's concentrations are
 * mostly below 1, some fifty nested calls each. Here the same sums are taken in the same order,
 * so every result is the same double; most of the in-task LDA's time was these calls.
 */
final class Digamma {
  private static final double SMALL = 1e-5;
  private static final double LARGE = 49;
  private static final double EULER_MASCHERONI = 0.5772156649015329;

  private Digamma() {}

  static double of(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      return Gamma.digamma(x); // NaN, infinities and the negative axis, as Commons Math has them
    }
    if (x <= SMALL) {
      return -EULER_MASCHERONI - 1 / x;
    }
    // x, x + 1, x + 2 … as the recursion adds them, up to the first at or above LARGE.
    double[] steps = new double[(int) LARGE + 1];
    int n = 0;
    double shifted = x;
    while (shifted < LARGE) {
      steps[n++] = shifted;
      shifted += 1;
    }
    double inverseSquare = 1 / (shifted * shifted);
    double value = FastMath.log(shifted) - 0.5 / shifted
        - inverseSquare * (1.0 / 12 + inverseSquare * (1.0 / 120 - inverseSquare / 252));
    for (int i = n - 1; i >= 0; i--) {
      value -= 1 / steps[i];
    }
    return value;
  }
}
