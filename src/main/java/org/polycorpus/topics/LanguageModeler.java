package org.polycorpus.topics;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.polycorpus.Columns;
import org.polycorpus.features.TfIdf;
import org.polycorpus.features.TfIdfModel;
import org.polycorpus.ml.SingleTask;
import org.polycorpus.ml.StageTimer;

/**
 * Fits one language: TF-IDF over its own vocabulary, L2-normalised vectors, clusters with k
 * chosen by silhouette, cluster labels by class-based TF-IDF, a 2-D document map and an LDA
 * topic model; then each cluster's silhouette and each cluster's and topic's coherence.
 */
public final class LanguageModeler {
  /** Documents per partition of a language's data; the partitioning depends only on the data. */
  private static final int DOCS_PER_PARTITION = 5_000;

  public record Settings(ClusterSettings clusters, int vocabSize, int minDocFreq, boolean sublinearTf, int topTerms)
      implements java.io.Serializable {}

  private LanguageModeler() {}

  /** {@code documents}: doc_id, language, tokens of the language's analysed documents. */
  public static LanguageModel fit(String language, Dataset<Row> documents, long numDocs, Settings settings,
      StageTimer timer) {
    int partitions = (int) Math.max(1, (numDocs + DOCS_PER_PARTITION - 1) / DOCS_PER_PARTITION);
    // Fitting TF-IDF reads the documents three times (count, document frequencies, display
    // words) and vectorising once more: shuffle and sort them once.
    Dataset<Row> docs = documents.repartition(partitions, col(Columns.DOC_ID)).sortWithinPartitions(Columns.DOC_ID)
        .persist(StorageLevel.MEMORY_AND_DISK());

    TfIdfModel tfidf = timer.time("tfidf", () -> tfidf(settings).fit(docs));
    Normalizer normalizer = normalizer();
    Dataset<Row> vectors = normalizer.transform(tfidf.transform(docs)).persist(StorageLevel.MEMORY_AND_DISK());

    ClusterSettings clusters = settings.clusters();
    KSelection.Outcome clustering = timer.time("clustering", () -> KSelection.select(language, vectors, numDocs,
        clusters, Columns.FEATURES, Columns.CLUSTER_ID));
    int topicCount = topicCount(clusters, numDocs);
    LDAModel lda = timer.time("lda", () -> numDocs <= SingleTask.MAX_ROWS
        ? InTaskLda.fit(vectors, Columns.TERM_COUNTS, Columns.TOPIC_DISTRIBUTION, tfidf.vocabulary().size(),
            topicCount, clusters.ldaIterations(), subsamplingRate(numDocs), clusters.seed())
        : new LDA().setK(topicCount).setSeed(clusters.seed()).setMaxIter(clusters.ldaIterations())
            .setOptimizer("online").setSubsamplingRate(subsamplingRate(numDocs))
            .setFeaturesCol(Columns.TERM_COUNTS).setTopicDistributionCol(Columns.TOPIC_DISTRIBUTION)
            .fit(vectors));
    List<Transformer> stages = new ArrayList<>(List.of(tfidf, normalizer, clustering.model()));
    stages.addAll(timer.time("document_map", () ->
        DocumentMap.fit(vectors, Columns.FEATURES, tfidf.vocabulary().size(), numDocs)));
    stages.add(lda);
    PipelineModel pipeline = new PipelineModel("polycorpus_" + language, stages.toArray(Transformer[]::new));
    Dataset<Row> scored = vectors;
    for (Transformer stage : stages.subList(2, stages.size())) {
      scored = stage.transform(scored);
    }
    Dataset<Row> persisted = scored.persist(StorageLevel.MEMORY_AND_DISK());

    DocumentTables tables = new DocumentTables(pipeline, persisted);
    Quality quality = timer.time("quality", () -> Quality.measure(language, persisted, numDocs, lda,
        tfidf.vocabulary(), clusters));
    return new LanguageModel(language, numDocs, pipeline, clustering.k(), clustering.silhouette(),
        clustering.sweep(),
        tables.documentTerms(settings.topTerms()),
        Quality.clusters(documents.sparkSession(), quality.clusterRows()),
        tables.documentClusters(),
        Quality.topics(documents.sparkSession(), quality.topicRows()),
        tables.documentTopics(),
        List.of(docs, vectors, persisted));
  }

  static TfIdf tfidf(Settings settings) {
    return new TfIdf().setVocabSize(settings.vocabSize()).setMinDocFreq(settings.minDocFreq())
        .setSublinearTf(settings.sublinearTf());
  }

  static Normalizer normalizer() {
    return new Normalizer().setInputCol(Columns.TFIDF).setOutputCol(Columns.FEATURES).setP(2.0);
  }

  /** LDA topics: the setting, but at least two and at most one per document. */
  static int topicCount(ClusterSettings clusters, long numDocs) {
    return (int) Math.max(2, Math.min(clusters.topics(), numDocs));
  }

  /** Online LDA samples a fraction of documents per iteration; small languages use them all. */
  static double subsamplingRate(long numDocs) {
    return numDocs <= 2_000 ? 1.0 : Math.max(0.05, 2_000.0 / numDocs);
  }
}
