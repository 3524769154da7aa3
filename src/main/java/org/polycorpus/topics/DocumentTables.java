package org.polycorpus.topics;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.polycorpus.Columns;
import org.polycorpus.features.TfIdfModel;
import org.polycorpus.features.TopTerms;

/**
 * The per-document tables (document_terms, document_clusters, document_topics) of documents a
 * language's fitted pipeline has transformed: the same code for the fitting run and for
 * scoring new documents with a saved pipeline.
 */
public final class DocumentTables {
  /** Output doubles are rounded so that summation order across partitions cannot show. */
  static final int DECIMALS = 9;
  /** Map coordinates come from a distributed covariance: fewer digits keep them identical across runs. */
  static final int MAP_DECIMALS = 6;

  private final Dataset<Row> scored;
  private final TfIdfModel tfidf;
  private final Broadcast<Vector[]> centers;

  /** {@code scored}: the output of {@code pipeline.transform} on doc_id, language, tokens, surfaces. */
  public DocumentTables(PipelineModel pipeline, Dataset<Row> scored) {
    this.scored = scored;
    this.tfidf = stage(pipeline, TfIdfModel.class);
    this.centers = JavaSparkContext.fromSparkContext(scored.sparkSession().sparkContext()).broadcast(centers(pipeline));
  }

  public Dataset<Row> documentTerms(int topTerms) {
    return TopTerms.documentTerms(scored, tfidf.sharedVocabulary(scored.sparkSession()), topTerms);
  }

  /** Centres are dense vocabulary-sized vectors: broadcast once rather than shipped with every task. */
  public Dataset<Row> documentClusters() {
    Broadcast<Vector[]> shared = centers;
    var similarity = udf((UDF2<Vector, Integer, Double>) (features, cluster) ->
        shared.value().length == 0 ? 1.0 : cosine(features, shared.value()[cluster]), DataTypes.DoubleType);
    boolean mapped = Arrays.asList(scored.columns()).contains(DocumentMap.MAP);
    return scored.select(col(Columns.DOC_ID), col(Columns.LANGUAGE), col(Columns.CLUSTER_ID),
        round(similarity.apply(col(Columns.FEATURES), col(Columns.CLUSTER_ID)), DECIMALS).as("similarity"),
        coordinate(mapped, 0).as("x"), coordinate(mapped, 1).as("y"));
  }

  public Dataset<Row> documentTopics() {
    var weights = udf((UDF1<Vector, double[]>) Vector::toArray,
        DataTypes.createArrayType(DataTypes.DoubleType, false));
    return scored
        .select(col(Columns.DOC_ID), col(Columns.LANGUAGE),
            posexplode(weights.apply(col(Columns.TOPIC_DISTRIBUTION))).as(new String[] {"topic_id", "w"}))
        .select(col(Columns.DOC_ID), col(Columns.LANGUAGE), col("topic_id"), round(col("w"), DECIMALS).as("weight"));
  }

  /** A language too small for a map puts every document at the origin. */
  private static Column coordinate(boolean mapped, int axis) {
    // Adding 0.0 turns -0.0 into 0.0, so the sign of a zero cannot differ between runs.
    return mapped
        ? round(vector_to_array(col(DocumentMap.MAP), "float64").getItem(axis), MAP_DECIMALS).plus(lit(0.0))
        : lit(0.0);
  }

  static double cosine(Vector a, Vector b) {
    double norms = Vectors.norm(a, 2) * Vectors.norm(b, 2);
    return norms == 0 ? 0.0 : a.dot(b) / norms;
  }

  private static Vector[] centers(PipelineModel pipeline) {
    return Arrays.stream(pipeline.stages()).map(KSelection::centers).filter(centers -> centers.length > 0)
        .findFirst().orElse(new Vector[0]);
  }

  private static <T> T stage(PipelineModel pipeline, Class<T> type) {
    return Arrays.stream(pipeline.stages()).filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("pipeline " + pipeline.uid() + " has no " + type.getSimpleName()));
  }
}
