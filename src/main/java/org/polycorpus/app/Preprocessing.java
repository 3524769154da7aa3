package org.polycorpus.app;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.polycorpus.Columns;
import org.polycorpus.ingest.DocumentStatus;

/** Extracted documents through the fitted preprocessing (boilerplate, language, analysis). */
final class Preprocessing {
  private Preprocessing() {}

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
