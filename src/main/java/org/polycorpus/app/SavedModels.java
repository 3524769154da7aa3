package org.polycorpus.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.ingest.DocumentReader;
import org.polycorpus.ingest.DocumentStatus;
import org.polycorpus.ml.StageTimer;
import org.polycorpus.output.OutputLocation;
import org.polycorpus.output.Tables;
import org.polycorpus.topics.DocumentTables;

/**
 * The fitted pipelines a run saved under {@code models/}: the corpus-wide preprocessing and one
 * pipeline per language. Scores new documents into the run's per-document tables, on the
 * run's vocabularies, clusters, map and topics.
 */
public final class SavedModels {
  static final String PREPROCESSING = "_preprocessing";

  private final PipelineModel preprocessing;
  private final Map<String, PipelineModel> languages;

  private SavedModels(PipelineModel preprocessing, Map<String, PipelineModel> languages) {
    this.preprocessing = preprocessing;
    this.languages = languages;
  }

  /** Loads the models of the run whose output folder is {@code runOutput}. */
  public static SavedModels load(SparkSession spark, String runOutput) throws IOException {
    Path models = new Path(runOutput, Tables.MODELS);
    FileSystem fs = models.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.exists(new Path(models, PREPROCESSING))) {
      throw new java.io.FileNotFoundException("no polycorpus models under " + models
          + " (give the --output folder of a finished run)");
    }
    Map<String, PipelineModel> languages = new TreeMap<>();
    for (FileStatus folder : fs.listStatus(models)) {
      String name = folder.getPath().getName();
      if (folder.isDirectory() && !name.equals(PREPROCESSING)) {
        languages.put(name, PipelineModel.load(folder.getPath().toString()));
      }
    }
    return new SavedModels(PipelineModel.load(new Path(models, PREPROCESSING).toString()), languages);
  }

  /** Languages that have a fitted pipeline. */
  public List<String> languages() {
    return new ArrayList<>(languages.keySet());
  }

  /** Rows shaped like extracted files, one per text: for scoring text that is not in a file. */
  public static Dataset<Row> texts(SparkSession spark, Map<String, String> textById) {
    List<Row> rows = new ArrayList<>();
    textById.forEach((id, text) -> rows.add(RowFactory.create(id, id, id,
        (long) text.getBytes(StandardCharsets.UTF_8).length, DocumentStatus.OK, null, "text/plain", null, "UTF-8",
        null, false, 0L, text)));
    return spark.createDataFrame(rows, DocumentReader.EXTRACTED_SCHEMA);
  }

  /** Cleaning, language and analysis as in the run: the documents table's columns plus terms. */
  public Dataset<Row> analyse(Dataset<Row> extracted) {
    return Preprocessing.analyse(preprocessing, extracted);
  }

  /** {@link #analyse}, checkpointed in a run's work folder as a fitting run does. */
  Dataset<Row> analyseToWork(Dataset<Row> extracted, OutputLocation out, StageTimer timer) {
    return Preprocessing.analyseToWork(preprocessing, extracted, out, timer);
  }

  /** The per-document tables of analysed documents, for the languages that have a model. */
  public Scored score(Dataset<Row> analysed, int topTerms) {
    Dataset<Row> parts = Preprocessing.parts(analysed);
    Dataset<Row> terms = null;
    Dataset<Row> clusters = null;
    Dataset<Row> topics = null;
    for (Map.Entry<String, PipelineModel> language : languages.entrySet()) {
      PipelineModel pipeline = language.getValue();
      DocumentTables tables = new DocumentTables(pipeline,
          pipeline.transform(Preprocessing.modelInput(parts, language.getKey())));
      terms = union(terms, tables.documentTerms(topTerms));
      clusters = union(clusters, tables.documentClusters());
      topics = union(topics, tables.documentTopics());
    }
    return new Scored(terms, clusters, topics);
  }

  private static Dataset<Row> union(Dataset<Row> all, Dataset<Row> more) {
    return all == null ? more : all.unionByName(more);
  }

  /** document_terms, document_clusters and document_topics rows; null when the run fitted no language. */
  public record Scored(Dataset<Row> documentTerms, Dataset<Row> documentClusters, Dataset<Row> documentTopics) {}
}
