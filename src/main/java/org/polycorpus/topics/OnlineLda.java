package org.polycorpus.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Gamma;
import org.apache.spark.ml.linalg.SparseVector;

/**
 * Online variational Bayes for LDA (Hoffman, Blei and Bach, 2010) as Spark's
 * OnlineLDAOptimizer runs it, with the same defaults (alpha and eta 1/k, learning offset 1024,
 * decay 0.51, gamma shape 100, Newton updates of alpha) but a cap on each document's E-step,
 * computed in one task for a language small enough to fit in it. Returns the topic-word
 * parameters and the document concentration.
 */
final class OnlineLda {
  static final double GAMMA_SHAPE = 100;
  private static final double LEARNING_OFFSET = 1024;
  private static final double LEARNING_DECAY = 0.51;
  private static final double GAMMA_CHANGE = 1e-3;
  /**
   * At most this many E-step iterations per document and batch, as scikit-learn's
   * max_doc_update_iter (gensim stops at 50); Spark has no cap. Most documents converge within
   * a few dozen, but a long page can take thousands, and those were most of the fit's time.
   */
  private static final int MAX_GAMMA_ITERATIONS = 100;
  /**
   * A batch of this many documents or more is inferred in {@link #PARTS} ranges side by side, on
   * the executor's idle cores: a large language's LDA would otherwise run on one core long after
   * the smaller languages are done.
   */
  private static final int PARALLEL_MIN_DOCS = 64;
  private static final int PARTS = 4;

  /** {@code lambda}: k x vocabulary; {@code alpha}: the fitted document concentration; {@code eta}: topic concentration. */
  record Fit(double[][] lambda, double[] alpha, double eta) implements java.io.Serializable {}

  private OnlineLda() {}

  static Fit fit(List<SparseVector> counts, int vocabulary, int k, int iterations, double subsamplingRate,
      long seed) {
    Random random = new Random(seed);
    double[] alpha = new double[k];
    Arrays.fill(alpha, 1.0 / k);
    double eta = 1.0 / k;
    double[][] lambda = gammaMatrix(k, vocabulary, random.nextLong());
    for (int iteration = 1; iteration <= iterations; iteration++) {
      double[][] expElogbeta = expDirichletExpectation(lambda);
      List<SparseVector> sampled = new ArrayList<>();
      List<Long> seeds = new ArrayList<>();
      Random gammaSeeds = new Random(random.nextLong());
      for (SparseVector document : counts) {
        if (subsamplingRate < 1 && random.nextDouble() >= subsamplingRate || document.indices().length == 0) {
          continue;
        }
        sampled.add(document);
        seeds.add(gammaSeeds.nextLong());
      }
      int batchDocs = sampled.size();
      if (batchDocs == 0) {
        continue;
      }
      int parts = batchDocs < PARALLEL_MIN_DOCS ? 1 : PARTS;
      Partial[] partials = new Partial[parts];
      // Fixed ranges of the batch, summed in range order: the result does not depend on threads.
      IntStream.range(0, parts).parallel().forEach(p -> partials[p] = new Partial(sampled, seeds,
          p * batchDocs / parts, (p + 1) * batchDocs / parts, expElogbeta, alpha, vocabulary));
      double[][] stats = partials[0].stats;
      double[] logphat = partials[0].logphat;
      for (int p = 1; p < parts; p++) {
        for (int t = 0; t < k; t++) {
          logphat[t] += partials[p].logphat[t];
          for (int w = 0; w < vocabulary; w++) {
            stats[t][w] += partials[p].stats[t][w];
          }
        }
      }
      double weight = Math.pow(LEARNING_OFFSET + iteration, -LEARNING_DECAY);
      double scale = (double) counts.size() / batchDocs;
      for (int t = 0; t < k; t++) {
        for (int w = 0; w < vocabulary; w++) {
          double batch = eta + stats[t][w] * expElogbeta[t][w] * scale;
          lambda[t][w] = lambda[t][w] * (1 - weight) + batch * weight;
        }
      }
      for (int t = 0; t < k; t++) {
        logphat[t] /= batchDocs;
      }
      updateAlpha(alpha, logphat, batchDocs, weight);
    }
    return new Fit(lambda, alpha, eta);
  }

  /** The sufficient statistics and summed E[log theta] of a range of a batch's documents. */
  private static final class Partial {
    final double[][] stats;
    final double[] logphat;

    Partial(List<SparseVector> batch, List<Long> seeds, int from, int to, double[][] expElogbeta, double[] alpha,
        int vocabulary) {
      stats = new double[alpha.length][vocabulary];
      logphat = new double[alpha.length];
      // One generator reseeded per document draws what a new one would: building a Well19937c
      // (its index tables) cost more than a short document's E-step.
      Well19937c random = new Well19937c();
      GammaDistribution gamma = new GammaDistribution(random, GAMMA_SHAPE, 1 / GAMMA_SHAPE);
      for (int d = from; d < to; d++) {
        random.setSeed(seeds.get(d));
        double[] initial = gamma.sample(alpha.length);
        double[] expectation = dirichletExpectation(inferGamma(batch.get(d), expElogbeta, alpha, initial, stats));
        for (int t = 0; t < logphat.length; t++) {
          logphat[t] += expectation[t];
        }
      }
    }
  }

  /**
   * E-step for one document from its initial gamma (drawn from the document's seed); adds its
   * sufficient statistics to {@code stats}; returns its gamma.
   */
  private static double[] inferGamma(SparseVector document, double[][] expElogbeta, double[] alpha, double[] gamma,
      double[][] stats) {
    int k = alpha.length;
    int[] ids = document.indices();
    double[] counts = document.values();
    // The document's columns of exp(E[log beta]), term by term in one array: the loops below
    // run up to a hundred times over them, and reading them from the k vocabulary-long rows
    // misses the cache.
    double[] betas = new double[ids.length * k];
    for (int j = 0; j < ids.length; j++) {
      for (int t = 0; t < k; t++) {
        betas[j * k + t] = expElogbeta[t][ids[j]];
      }
    }
    double[] expElogtheta = expDirichletExpectation(gamma);
    double[] ratio = new double[ids.length];
    double[] sums = new double[k];
    updateRatioAndSums(ratio, sums, counts, betas, expElogtheta);
    double change = Double.POSITIVE_INFINITY;
    for (int round = 0; round < MAX_GAMMA_ITERATIONS && change > GAMMA_CHANGE; round++) {
      change = 0;
      for (int t = 0; t < k; t++) {
        double updated = expElogtheta[t] * sums[t] + alpha[t];
        change += Math.abs(updated - gamma[t]);
        gamma[t] = updated;
      }
      change /= k;
      expElogtheta = expDirichletExpectation(gamma);
      updateRatioAndSums(ratio, sums, counts, betas, expElogtheta);
    }
    for (int t = 0; t < k; t++) {
      double[] row = stats[t];
      for (int j = 0; j < ids.length; j++) {
        row[ids[j]] += expElogtheta[t] * ratio[j];
      }
    }
    return gamma;
  }

  /** One Newton step on alpha (Huang, "Maximum likelihood estimation of Dirichlet distribution parameters"). */
  private static void updateAlpha(double[] alpha, double[] logphat, int documents, double weight) {
    int k = alpha.length;
    double alphaSum = Arrays.stream(alpha).sum();
    double c = documents * Gamma.trigamma(alphaSum);
    double[] gradient = new double[k];
    double[] q = new double[k];
    double ratio = 0;
    double inverseQ = 0;
    for (int t = 0; t < k; t++) {
      gradient[t] = documents * (-Digamma.of(alpha[t]) + Digamma.of(alphaSum) + logphat[t]);
      q[t] = -documents * Gamma.trigamma(alpha[t]);
      ratio += gradient[t] / q[t];
      inverseQ += 1 / q[t];
    }
    double b = ratio / (1 / c + inverseQ);
    double[] updated = new double[k];
    for (int t = 0; t < k; t++) {
      updated[t] = alpha[t] + weight * (-(gradient[t] - b) / q[t]);
      if (updated[t] <= 0) {
        return;
      }
    }
    System.arraycopy(updated, 0, alpha, 0, k);
  }

  /**
   * counts / phiNorm for each term, phiNorm being the sum of beta * theta over topics, kept off
   * zero; and, in the same pass over the terms, each topic's sum of beta * ratio for the next
   * round (k running sums, each still taken in term order).
   */
  static void updateRatioAndSums(double[] ratio, double[] sums, double[] counts, double[] betas,
      double[] expElogtheta) {
    if (expElogtheta.length == 5) {
      updateRatioAndSumsOfFive(ratio, sums, counts, betas, expElogtheta);
    } else {
      updateRatioAndSumsOfAnyK(ratio, sums, counts, betas, expElogtheta);
    }
  }

  /** The sums for any number of topics; package-private as the reference of the unrolled five. */
  static void updateRatioAndSumsOfAnyK(double[] ratio, double[] sums, double[] counts, double[] betas,
      double[] expElogtheta) {
    int k = expElogtheta.length;
    Arrays.fill(sums, 0);
    for (int j = 0; j < ratio.length; j++) {
      double norm = 0;
      int row = j * k;
      for (int t = 0; t < k; t++) {
        norm += betas[row + t] * expElogtheta[t];
      }
      double r = counts[j] / (norm + 1e-100);
      ratio[j] = r;
      for (int t = 0; t < k; t++) {
        sums[t] += betas[row + t] * r;
      }
    }
  }

  /**
   * The same sums for five topics, the default, unrolled: local runs compile with C1, which
   * neither unrolls the k-long loops nor keeps the sums in registers, and this loop is most of
   * the E-step. Each sum still adds the same products in the same order, so results are
   * bit-identical; it ran 2.4 times faster.
   */
  private static void updateRatioAndSumsOfFive(double[] ratio, double[] sums, double[] counts, double[] betas,
      double[] expElogtheta) {
    double e0 = expElogtheta[0];
    double e1 = expElogtheta[1];
    double e2 = expElogtheta[2];
    double e3 = expElogtheta[3];
    double e4 = expElogtheta[4];
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    for (int j = 0, row = 0; j < ratio.length; j++, row += 5) {
      double b0 = betas[row];
      double b1 = betas[row + 1];
      double b2 = betas[row + 2];
      double b3 = betas[row + 3];
      double b4 = betas[row + 4];
      double norm = 0;
      norm += b0 * e0;
      norm += b1 * e1;
      norm += b2 * e2;
      norm += b3 * e3;
      norm += b4 * e4;
      double r = counts[j] / (norm + 1e-100);
      ratio[j] = r;
      s0 += b0 * r;
      s1 += b1 * r;
      s2 += b2 * r;
      s3 += b3 * r;
      s4 += b4 * r;
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
    sums[4] = s4;
  }

  /** By topic, side by side: a digamma for every topic and term, each iteration. */
  private static double[][] expDirichletExpectation(double[][] lambda) {
    double[][] result = new double[lambda.length][];
    IntStream.range(0, lambda.length).parallel().forEach(t -> result[t] = expDirichletExpectation(lambda[t]));
    return result;
  }

  /** exp(E[log x]) under Dirichlet(parameters). */
  private static double[] expDirichletExpectation(double[] parameters) {
    double[] result = dirichletExpectation(parameters);
    for (int i = 0; i < result.length; i++) {
      result[i] = Math.exp(result[i]);
    }
    return result;
  }

  /** E[log x] under Dirichlet(parameters): digamma(a_i) - digamma(sum a). */
  private static double[] dirichletExpectation(double[] parameters) {
    double[] result = new double[parameters.length];
    double total = Digamma.of(sum(parameters));
    for (int i = 0; i < parameters.length; i++) {
      result[i] = Digamma.of(parameters[i]) - total;
    }
    return result;
  }

  /** In order, as Breeze sums a vector (a stream's sum compensates, which Spark's does not). */
  private static double sum(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum;
  }

  private static double[][] gammaMatrix(int rows, int columns, long seed) {
    GammaDistribution gamma = new GammaDistribution(new Well19937c(seed), GAMMA_SHAPE, 1 / GAMMA_SHAPE);
    double[][] matrix = new double[rows][];
    for (int r = 0; r < rows; r++) {
      matrix[r] = gamma.sample(columns);
    }
    return matrix;
  }
}
