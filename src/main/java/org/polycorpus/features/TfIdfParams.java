package org.polycorpus.features;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.ml.SchemaChecks;
import org.polycorpus.ml.StageParams;

/** Params shared by {@link TfIdf} and {@link TfIdfModel}, declared once. */
public interface TfIdfParams extends Params {
  record Declared(
      Param<String> inputCol,
      Param<String> surfacesCol,
      Param<String> outputCol,
      Param<String> countsCol,
      IntParam vocabSize,
      IntParam minDocFreq,
      BooleanParam sublinearTf) {}

  Declared declared();

  default Param<String> inputCol() { return declared().inputCol(); }
  default Param<String> surfacesCol() { return declared().surfacesCol(); }
  default Param<String> outputCol() { return declared().outputCol(); }
  default Param<String> countsCol() { return declared().countsCol(); }
  default IntParam vocabSize() { return declared().vocabSize(); }
  default IntParam minDocFreq() { return declared().minDocFreq(); }
  default BooleanParam sublinearTf() { return declared().sublinearTf(); }

  static Declared declare(Params owner) {
    Declared declared = new Declared(
        StageParams.column(owner, "inputCol", "terms, array<string> (default: tokens)"),
        StageParams.column(owner, "surfacesCol", "words as written, aligned with the terms; "
            + "optional, gives each term its display word (default: surfaces)"),
        StageParams.column(owner, "outputCol", "TF-IDF vector (default: tfidf)"),
        StageParams.column(owner, "countsCol", "raw term-count vector, for LDA (default: term_counts)"),
        StageParams.atLeast(owner, "vocabSize", "most frequent terms kept, by document frequency (default: 262144)", 1),
        StageParams.atLeast(owner, "minDocFreq", "terms in fewer documents are dropped (default: 1)", 1),
        StageParams.flag(owner, "sublinearTf", "weight term frequency as 1 + ln(tf) (default: false)"));
    owner.setDefault(declared.inputCol(), "tokens");
    owner.setDefault(declared.surfacesCol(), "surfaces");
    owner.setDefault(declared.outputCol(), "tfidf");
    owner.setDefault(declared.countsCol(), "term_counts");
    owner.setDefault(declared.vocabSize(), 1 << 18);
    owner.setDefault(declared.minDocFreq(), 1);
    owner.setDefault(declared.sublinearTf(), false);
    return declared;
  }

  static StructType outputSchema(TfIdfParams stage, StructType schema) {
    SchemaChecks.requireColumn(schema, stage.$(stage.inputCol()), new ArrayType(DataTypes.StringType, false));
    StructType out = SchemaChecks.appendColumn(schema, stage.$(stage.countsCol()), SQLDataTypes.VectorType(), false);
    return SchemaChecks.appendColumn(out, stage.$(stage.outputCol()), SQLDataTypes.VectorType(), false);
  }
}
