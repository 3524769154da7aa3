package org.polycorpus.app;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.polycorpus.Columns;
import org.polycorpus.ingest.DocumentReader;
import org.polycorpus.ingest.DocumentStatus;
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

  private Preprocessing() {}

  /** Reads and parses the input into the work folder; returns the extracted rows read back. */
  static Dataset<Row> extract(SparkSession spark, IngestOptions ingest, OutputLocation out, StageTimer timer)
      throws IOException {
    Dataset<Row> extracted = DocumentReader.read(spark, ingest.input, ingest.limits());
    timer.time("ingest", () -> extracted.write().parquet(out.staged(EXTRACTED)));
    return spark.read().parquet(out.staged(EXTRACTED));
  }

  /** Analyses extracted documents into the work folder, a folder per language; returns them read back. */
  static Dataset<Row> analyseToWork(PipelineModel preprocessing, Dataset<Row> extracted, OutputLocation out,
      StageTimer timer) {
    Dataset<Row> analysed = analyse(preprocessing, extracted);
    timer.time("language_and_analysis", () ->
        analysed.write().partitionBy(Columns.LANGUAGE).parquet(out.staged(ANALYSED)));
    return extracted.sparkSession().read().parquet(out.staged(ANALYSED));
  }

  /** The documents table's columns plus body, tokens and surfaces; the raw text is dropped. */
  static Dataset<Row> analyse(PipelineModel preprocessing, Dataset<Row> extracted) {
    return preprocessing.transform(extracted)
        // A file whose only text was boilerplate has nothing left to analyse.
        .withColumn(Columns.STATUS, when(col(Columns.STATUS).equalTo(DocumentStatus.OK)
            .and(length(col(Columns.BODY)).equalTo(0)), lit(DocumentStatus.EMPTY)).otherwise(col(Columns.STATUS)))
        .withColumn(Columns.ERROR, when(col(Columns.STATUS).equalTo(DocumentStatus.EMPTY)
            .and(col(Columns.ERROR).isNull()), lit("only boilerplate")).otherwise(col(Columns.ERROR)))
        .withColumn(Columns.CHAR_COUNT, length(col(Columns.BODY)))
        .withColumn(Columns.TOKEN_COUNT, size(col(Columns.TOKENS)))
        .drop(Columns.TEXT);
  }

  /** The documents of one language that have terms to model, in the columns its pipeline reads. */
  static Dataset<Row> modelInput(Dataset<Row> analysed, String language) {
    return analysed.filter(col(Columns.STATUS).equalTo(DocumentStatus.OK)
            .and(col(Columns.LANGUAGE).equalTo(language)).and(col(Columns.TOKEN_COUNT).gt(0)))
        .select(Columns.DOC_ID, Columns.LANGUAGE, Columns.TOKENS, Columns.SURFACES);
  }
}
