package org.polycorpus.topics;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.VectorSlicer;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.polycorpus.ml.SingleTask;

/**
 * A 2-D map of a language's documents: principal components of the L2-normalised TF-IDF
 * vectors, restricted to the most frequent terms so that the covariance matrix stays small
 * (terms x terms) whatever the vocabulary size. The fitted stages join the language's pipeline,
 * so new documents land on the same map.
 */
final class DocumentMap {
  /** Terms the map is computed over (the vocabulary is ordered by document frequency): PCA solves a
   * terms x terms eigenproblem on the driver, about a second per language at 1 000 terms. */
  static final int MAP_TERMS = 300;
  static final String MAP = "map";
  private static final String MAP_INPUT = "map_input";

  private DocumentMap() {}

  /** The slicer and fitted PCA, or no stages when there are too few documents or terms for two axes. */
  static List<Transformer> fit(Dataset<Row> vectors, String featuresCol, int vocabularySize, long numDocs) {
    int terms = terms(vocabularySize, numDocs);
    if (terms == 0) {
      return List.of();
    }
    VectorSlicer slicer = slicer(featuresCol, terms);
    Dataset<Row> sliced = slicer.transform(vectors);
    Transformer pca = numDocs <= SingleTask.MAX_ROWS
        ? InTaskPca.fit(sliced, MAP_INPUT, MAP, terms)
        : new PCA().setK(2).setInputCol(MAP_INPUT).setOutputCol(MAP).fit(sliced);
    return List.of(slicer, pca);
  }

  /** The stages of a map fitted elsewhere (in a task that fits a whole language); none without a fit. */
  static List<Transformer> stages(InTaskPca.Fit fit, String featuresCol, int terms) {
    return fit == null ? List.of() : List.of(slicer(featuresCol, terms), InTaskPca.model(fit, terms, MAP_INPUT, MAP));
  }

  /** Terms the map is drawn over; 0 when there are too few documents or terms for two axes. */
  static int terms(int vocabularySize, long numDocs) {
    int terms = Math.min(MAP_TERMS, vocabularySize);
    return terms < 2 || numDocs < 2 ? 0 : terms;
  }

  /** A vector's first {@code terms} entries, as the slicer selects them. */
  static SparseVector slice(SparseVector vector, int terms) {
    int kept = 0;
    while (kept < vector.indices().length && vector.indices()[kept] < terms) {
      kept++;
    }
    return new SparseVector(terms, Arrays.copyOf(vector.indices(), kept), Arrays.copyOf(vector.values(), kept));
  }

  private static VectorSlicer slicer(String featuresCol, int terms) {
    return new VectorSlicer().setInputCol(featuresCol).setOutputCol(MAP_INPUT)
        .setIndices(IntStream.range(0, terms).toArray());
  }
}
