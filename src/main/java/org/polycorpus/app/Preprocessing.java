package org.polycorpus.app;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.Columns;
import org.polycorpus.dedup.NearDuplicates;
import org.polycorpus.ingest.DocumentReader;
import org.polycorpus.ingest.DocumentStatus;
import org.polycorpus.ml.OneStepColumns;
import org.polycorpus.ml.StageTimer;
import org.polycorpus.output.OutputLocation;

/**
 * Extracted documents through the fitted preprocessing (boilerplate, language, analysis), and
 * the work-folder checkpoints a run and a scoring share, so no file is parsed or analysed twice.
 */
final class Preprocessing {
  static final String WORK = "_work";
  private static final String EXTRACTED = WORK + "/extracted";
  private static final String ANALYSED = WORK + "/analysed";
  private static final String MODELLED = WORK + "/modelled";
  /** Analysed terms per language of each document (work column, see TextAnalyzer). */
  static final String PARTS_COL = "parts";
  /** Near-duplicate signatures of each part (work column, see NearDuplicates#signatures). */
  private static final String SIGNATURES_COL = "signatures";

  private Preprocessing() {}

  /** Reads and parses the input into the work folder; returns the extracted rows read back. */
  static Dataset<Row> extract(SparkSession spark, IngestOptions ingest, OutputLocation out, StageTimer timer)
      throws IOException {
    Dataset<Row> extracted = DocumentReader.read(spark, ingest.input, ingest.limits());
    timer.time("ingest", () -> extracted.write().parquet(out.staged(EXTRACTED)));
    return Writers.readBack(spark, out.staged(EXTRACTED), extracted.schema());
  }

  /** Analyses extracted documents into the work folder, a folder per language; returns them read back. */
  static Dataset<Row> analyseToWork(PipelineModel preprocessing, Dataset<Row> extracted, OutputLocation out,
      StageTimer timer) {
    return analysedToWork(analyse(preprocessing, extracted), out, timer);
  }

  /**
   * As {@link #analyseToWork}, with each part's near-duplicate signatures ({@link #signed}): the
   * tokens are at hand here, and the duplicate search then reads a few numbers per part.
   */
  static Dataset<Row> analyseToWork(PipelineModel preprocessing, Dataset<Row> extracted,
      NearDuplicates.Settings duplicates, OutputLocation out, StageTimer timer) {
    return analysedToWork(analyse(preprocessing, extracted)
        .withColumn(SIGNATURES_COL, NearDuplicates.signatures(col(PARTS_COL), duplicates)), out, timer);
  }

  private static Dataset<Row> analysedToWork(Dataset<Row> analysed, OutputLocation out, StageTimer timer) {
    timer.time("language_and_analysis", () ->
        analysed.write().partitionBy(Columns.LANGUAGE).parquet(out.staged(ANALYSED)));
    return Writers.readBack(analysed.sparkSession(), out.staged(ANALYSED), analysed.schema(), Columns.LANGUAGE);
  }

  /** The documents table's columns plus body and parts; the raw text and segments are dropped. */
  static Dataset<Row> analyse(PipelineModel preprocessing, Dataset<Row> extracted) {
    // A file whose only text was boilerplate has nothing left to analyse.
    Dataset<Row> checked = preprocessing.transform(extracted)
        .withColumn(Columns.STATUS, when(col(Columns.STATUS).equalTo(DocumentStatus.OK)
            .and(length(col(Columns.BODY)).equalTo(0)), lit(DocumentStatus.EMPTY)).otherwise(col(Columns.STATUS)));
    Map<String, Column> columns = new LinkedHashMap<>();
    columns.put(Columns.ERROR, when(col(Columns.STATUS).equalTo(DocumentStatus.EMPTY)
        .and(col(Columns.ERROR).isNull()), lit("only boilerplate")).otherwise(col(Columns.ERROR)));
    columns.put(Columns.CHAR_COUNT, length(col(Columns.BODY)));
    columns.put(Columns.TOKEN_COUNT, expr("aggregate(" + PARTS_COL + ", 0, (n, p) -> n + size(p.tokens))"));
    return OneStepColumns.add(checked, columns).drop(Columns.TEXT, "segments");
  }

  /**
   * The parts the languages are modelled on (copies left out), checkpointed by language: a
   * language too large for one task runs a chain of Spark jobs, each reading its own folder.
   */
  static Dataset<Row> modelledToWork(Dataset<Row> modelled, OutputLocation out, StageTimer timer) {
    timer.time("modelled_parts_by_language", () ->
        modelled.write().partitionBy(Columns.LANGUAGE).parquet(out.staged(MODELLED)));
    return Writers.readBack(modelled.sparkSession(), out.staged(MODELLED), modelled.schema(), Columns.LANGUAGE);
  }

  /**
   * One row per document and language it has terms in: doc_id, tokens, surfaces, language.
   * A document's paragraphs in another language count for that language.
   */
  static Dataset<Row> parts(Dataset<Row> analysed) {
    return analysed.filter(col(Columns.STATUS).equalTo(DocumentStatus.OK))
        .select(col(Columns.DOC_ID), explode(col(PARTS_COL)).as("part"))
        .filter(size(col("part.tokens")).gt(0))
        .select(col(Columns.DOC_ID), col("part.tokens").as(Columns.TOKENS), col("part.surfaces").as(Columns.SURFACES),
            col("part.language").as(Columns.LANGUAGE));
  }

  /** The signatures written by {@link #analyseToWork}: doc_id, language, shingle_set, bands. */
  static Dataset<Row> signed(Dataset<Row> analysed) {
    return analysed.filter(col(Columns.STATUS).equalTo(DocumentStatus.OK))
        .select(col(Columns.DOC_ID), explode(col(SIGNATURES_COL)).as("signed"))
        .select(col(Columns.DOC_ID), col("signed.*"));
  }

  /** One language's {@link #parts}, in the columns its pipeline reads. */
  static Dataset<Row> modelInput(Dataset<Row> parts, String language) {
    return parts.filter(col(Columns.LANGUAGE).equalTo(language))
        .select(Columns.DOC_ID, Columns.LANGUAGE, Columns.TOKENS, Columns.SURFACES);
  }
}
