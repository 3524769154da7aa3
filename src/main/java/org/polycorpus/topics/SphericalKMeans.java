package org.polycorpus.topics;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SparseVector;

/**
 * k-means with cosine distance (spherical k-means) on L2-normalised sparse vectors, and the
 * cosine silhouette, computed in one task for a language small enough to fit in it. Same
 * objective as Spark's KMeans with distanceMeasure "cosine" and the same silhouette as its
 * ClusteringEvaluator, without a Spark job per iteration.
 */
final class SphericalKMeans {
  private SphericalKMeans() {}

  /** A fitted clustering: unit-length centres and each point's cluster. */
  record Fit(double[][] centers, int[] assignment, int iterations) {
    long nonEmptyClusters() {
      return Arrays.stream(assignment).distinct().count();
    }
  }

  /** Seeded k-means++ start, then Lloyd iterations until no point moves or {@code maxIter}. */
  static Fit fit(List<SparseVector> points, int dimension, int k, long seed, int maxIter) {
    double[][] centers = initialCenters(points, dimension, k, new Random(seed));
    int[] assignment = new int[points.size()];
    Arrays.fill(assignment, -1);
    int iteration = 0;
    boolean moved = true;
    while (moved && iteration < maxIter) {
      iteration++;
      moved = false;
      for (int i = 0; i < points.size(); i++) {
        int nearest = nearest(points.get(i), centers);
        if (nearest != assignment[i]) {
          assignment[i] = nearest;
          moved = true;
        }
      }
      updateCenters(points, assignment, centers);
    }
    return new Fit(centers, assignment, iteration);
  }

  /**
   * Mean silhouette with cosine distance, as Spark's ClusteringEvaluator computes it: the mean
   * distance of x to a cluster C is 1 - x . (sum of C's points) / |C|, to its own cluster scaled
   * by |C| / (|C| - 1); points alone in their cluster score 0.
   */
  static double silhouette(List<SparseVector> points, int[] assignment, int dimension, int k) {
    return silhouettes(points, assignment, dimension, k).total() / points.size();
  }

  /** Points' silhouettes summed over all points and per cluster, and the clusters' sizes. */
  record Silhouettes(double total, double[] perCluster, long[] sizes) {}

  static Silhouettes silhouettes(List<SparseVector> points, int[] assignment, int dimension, int k) {
    double[][] sums = new double[k][dimension];
    long[] sizes = new long[k];
    for (int i = 0; i < points.size(); i++) {
      add(sums[assignment[i]], points.get(i));
      sizes[assignment[i]]++;
    }
    double total = 0;
    double[] perCluster = new double[k];
    for (int i = 0; i < points.size(); i++) {
      double s = pointSilhouette(points.get(i), assignment[i], sums, sizes);
      total += s;
      perCluster[assignment[i]] += s;
    }
    return new Silhouettes(total, perCluster, sizes);
  }

  /** One point's silhouette from the clusters' sums and sizes (the point counted in its own). */
  static double pointSilhouette(SparseVector point, int own, double[][] sums, long[] sizes) {
    if (sizes[own] <= 1) {
      return 0;
    }
    // Mean distance to the other points of its cluster: the point's own zero distance taken out.
    double a = (1 - dot(point, sums[own]) / sizes[own]) * sizes[own] / (sizes[own] - 1);
    double b = Double.POSITIVE_INFINITY;
    for (int c = 0; c < sums.length; c++) {
      if (c != own && sizes[c] > 0) {
        b = Math.min(b, 1 - dot(point, sums[c]) / sizes[c]);
      }
    }
    return a < b ? 1 - a / b : a > b ? b / a - 1 : 0;
  }

  private static double[][] initialCenters(List<SparseVector> points, int dimension, int k, Random random) {
    double[][] centers = new double[k][];
    centers[0] = dense(points.get(random.nextInt(points.size())), dimension);
    double[] distance = new double[points.size()];
    Arrays.fill(distance, Double.POSITIVE_INFINITY);
    for (int c = 1; c < k; c++) {
      double sum = 0;
      for (int i = 0; i < points.size(); i++) {
        distance[i] = Math.min(distance[i], Math.max(0, 1 - dot(points.get(i), centers[c - 1])));
        sum += distance[i] * distance[i];
      }
      double target = random.nextDouble() * sum;
      int chosen = points.size() - 1;
      for (int i = 0; i < points.size(); i++) {
        target -= distance[i] * distance[i];
        if (target <= 0 && distance[i] > 0) {
          chosen = i;
          break;
        }
      }
      centers[c] = dense(points.get(chosen), dimension);
    }
    return centers;
  }

  private static int nearest(SparseVector point, double[][] centers) {
    int best = 0;
    double bestSimilarity = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < centers.length; c++) {
      double similarity = dot(point, centers[c]);
      if (similarity > bestSimilarity) {
        best = c;
        bestSimilarity = similarity;
      }
    }
    return best;
  }

  /** Each centre becomes the normalised sum of its points; an empty cluster keeps its centre. */
  private static void updateCenters(List<SparseVector> points, int[] assignment, double[][] centers) {
    double[][] sums = new double[centers.length][centers[0].length];
    boolean[] used = new boolean[centers.length];
    for (int i = 0; i < points.size(); i++) {
      add(sums[assignment[i]], points.get(i));
      used[assignment[i]] = true;
    }
    for (int c = 0; c < centers.length; c++) {
      double norm = Math.sqrt(Arrays.stream(sums[c]).map(v -> v * v).sum());
      if (used[c] && norm > 0) {
        for (int j = 0; j < sums[c].length; j++) {
          sums[c][j] /= norm;
        }
        centers[c] = sums[c];
      }
    }
  }

  private static double[] dense(SparseVector point, int dimension) {
    double[] values = new double[dimension];
    add(values, point);
    return values;
  }

  private static void add(double[] target, SparseVector point) {
    int[] indices = point.indices();
    double[] values = point.values();
    for (int j = 0; j < indices.length; j++) {
      target[indices[j]] += values[j];
    }
  }

  static double dot(SparseVector point, double[] dense) {
    int[] indices = point.indices();
    double[] values = point.values();
    double sum = 0;
    for (int j = 0; j < indices.length; j++) {
      sum += values[j] * dense[indices[j]];
    }
    return sum;
  }
}
