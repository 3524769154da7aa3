package org.polycorpus.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The E-step's unrolled five-topic sums are the general loop's, bit for bit. */
class OnlineLdaTest {

  @Test
  void fiveTopicSumsEqualTheGeneralLoopsExactly() {
    Random random = new Random(11);
    for (int document = 0; document < 200; document++) {
      int terms = 1 + random.nextInt(400);
      double[] counts = new double[terms];
      double[] betas = new double[terms * 5];
      double[] expElogtheta = new double[5];
      for (int j = 0; j < terms; j++) {
        counts[j] = 1 + random.nextInt(9);
      }
      for (int i = 0; i < betas.length; i++) {
        betas[i] = Math.exp(-20 * random.nextDouble()); // exp(E[log beta]) spans many magnitudes
      }
      for (int t = 0; t < 5; t++) {
        expElogtheta[t] = Math.exp(-5 * random.nextDouble());
      }
      double[] ratio = new double[terms];
      double[] sums = new double[5];
      double[] expectedRatio = new double[terms];
      double[] expectedSums = new double[5];
      OnlineLda.updateRatioAndSums(ratio, sums, counts, betas, expElogtheta);
      OnlineLda.updateRatioAndSumsOfAnyK(expectedRatio, expectedSums, counts, betas, expElogtheta);
      assertThat(ratio).containsExactly(expectedRatio);
      assertThat(sums).containsExactly(expectedSums);
    }
  }
}
