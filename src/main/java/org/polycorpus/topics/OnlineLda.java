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
 * decay 0.51, gamma shape 100, Newton updates of alpha), computed in one task for a language
 * small enough to fit in it. Returns the topic-word parameters and the document concentration.
 */
final class OnlineLda {
  static final double GAMMA_SHAPE = 100;
  private static final double LEARNING_OFFSET = 1024;
  private static final double LEARNING_DECAY = 0.51;
  private static final double GAMMA_CHANGE = 1e-3;
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
      for (int d = from; d < to; d++) {
        double[] expectation = dirichletExpectation(inferGamma(batch.get(d), expElogbeta, alpha, seeds.get(d), stats));
        for (int t = 0; t < logphat.length; t++) {
          logphat[t] += expectation[t];
        }
      }
    }
  }

  /** E-step for one document; adds its sufficient statistics to {@code stats}; returns its gamma. */
  private static double[] inferGamma(SparseVector document, double[][] expElogbeta, double[] alpha, long seed,
      double[][] stats) {
    int k = alpha.length;
    int[] ids = document.indices();
    double[] counts = document.values();
    // The document's columns of exp(E[log beta]), copied together: the loops below run up to a
    // hundred times over them, and reading them from the k vocabulary-long rows misses the cache.
    // By term for the norms (summed over topics), by topic for gamma.
    double[][] byTerm = new double[ids.length][k];
    double[][] byTopic = new double[k][ids.length];
    for (int t = 0; t < k; t++) {
      for (int j = 0; j < ids.length; j++) {
        byTerm[j][t] = expElogbeta[t][ids[j]];
        byTopic[t][j] = expElogbeta[t][ids[j]];
      }
    }
    double[] gamma = gammaSamples(k, seed);
    double[] expElogtheta = exp(dirichletExpectation(gamma));
    // counts / phiNorm, once per term, then multiplied by each topic's betas, as Spark computes it.
    double[] ratio = ratio(counts, phiNorm(byTerm, expElogtheta));
    double change = Double.POSITIVE_INFINITY;
    while (change > GAMMA_CHANGE) {
      double[] last = gamma.clone();
      for (int t = 0; t < k; t++) {
        double sum = 0;
        double[] betas = byTopic[t];
        for (int j = 0; j < ids.length; j++) {
          sum += betas[j] * ratio[j];
        }
        gamma[t] = expElogtheta[t] * sum + alpha[t];
      }
      expElogtheta = exp(dirichletExpectation(gamma));
      ratio = ratio(counts, phiNorm(byTerm, expElogtheta));
      change = 0;
      for (int t = 0; t < k; t++) {
        change += Math.abs(gamma[t] - last[t]);
      }
      change /= k;
    }
    for (int t = 0; t < k; t++) {
      for (int j = 0; j < ids.length; j++) {
        stats[t][ids[j]] += expElogtheta[t] * ratio[j];
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

  private static double[] ratio(double[] counts, double[] phiNorm) {
    double[] ratio = new double[counts.length];
    for (int j = 0; j < counts.length; j++) {
      ratio[j] = counts[j] / phiNorm[j];
    }
    return ratio;
  }

  /** For each of the document's terms ({@code byTerm}: its topics' betas), sum of beta * theta, kept off zero. */
  private static double[] phiNorm(double[][] byTerm, double[] expElogtheta) {
    double[] norm = new double[byTerm.length];
    for (int j = 0; j < norm.length; j++) {
      double sum = 0;
      double[] beta = byTerm[j];
      for (int t = 0; t < expElogtheta.length; t++) {
        sum += beta[t] * expElogtheta[t];
      }
      norm[j] = sum + 1e-100;
    }
    return norm;
  }

  /** By topic, side by side: a digamma for every topic and term, each iteration. */
  private static double[][] expDirichletExpectation(double[][] lambda) {
    double[][] result = new double[lambda.length][];
    IntStream.range(0, lambda.length).parallel().forEach(t -> result[t] = exp(dirichletExpectation(lambda[t])));
    return result;
  }

  /** E[log x] under Dirichlet(parameters): digamma(a_i) - digamma(sum a). */
  private static double[] dirichletExpectation(double[] parameters) {
    double total = Digamma.of(Arrays.stream(parameters).sum());
    double[] result = new double[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      result[i] = Digamma.of(parameters[i]) - total;
    }
    return result;
  }

  private static double[] exp(double[] values) {
    return Arrays.stream(values).map(Math::exp).toArray();
  }

  private static double[] gammaSamples(int n, long seed) {
    return new GammaDistribution(new Well19937c(seed), GAMMA_SHAPE, 1 / GAMMA_SHAPE).sample(n);
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
