package org.polycorpus.topics;

import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One language's fitted pipeline (TF-IDF, normalizer, clustering, LDA) and its result tables.
 * The tables read cached data: call {@link #release()} once they are written.
 */
public record LanguageModel(
    String language,
    long documents,
    PipelineModel pipeline,
    int k,
    double silhouette,
    List<KScore> sweep,
    Dataset<Row> documentTerms,
    Dataset<Row> clusters,
    Dataset<Row> documentClusters,
    Dataset<Row> topics,
    Dataset<Row> documentTopics,
    List<Dataset<Row>> cached) {

  public void release() {
    cached.forEach(Dataset::unpersist);
  }
}
