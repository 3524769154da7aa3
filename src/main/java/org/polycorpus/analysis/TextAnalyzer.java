package org.polycorpus.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.ml.SchemaChecks;
import org.polycorpus.ml.StageParams;

/**
 * Turns each text into terms with its own language's analyzer ({@link LanguageAnalyzers}):
 * tokenization, normalisation, stopword removal and stemming per language.
 */
public final class TextAnalyzer extends Transformer implements DefaultParamsWritable {
  private static final ArrayType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);
  private static final StructType ANALYSED = new StructType()
      .add("terms", STRINGS, false)
      .add("surfaces", STRINGS, false);

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> languageCol;
  private final Param<String> outputCol;
  private final Param<String> surfacesCol;
  private final IntParam minTermLength;
  private final IntParam maxTermLength;

  public TextAnalyzer() {
    this(Identifiable.randomUID("analyzer"));
  }

  public TextAnalyzer(String uid) {
    this.uid = uid;
    inputCol = StageParams.column(this, "inputCol", "text to analyse (default: body)");
    languageCol = StageParams.column(this, "languageCol", "language code choosing the analyzer (default: language)");
    outputCol = StageParams.column(this, "outputCol", "analysed terms, array<string> (default: tokens)");
    surfacesCol = StageParams.column(this, "surfacesCol",
        "each term's word as written, lower-cased, array<string> (default: surfaces)");
    minTermLength = StageParams.atLeast(this, "minTermLength", "shorter terms are dropped (default: 2)", 1);
    maxTermLength = StageParams.atLeast(this, "maxTermLength", "longer terms are dropped (default: 40)", 1);
    setDefault(inputCol, "body");
    setDefault(languageCol, "language");
    setDefault(outputCol, "tokens");
    setDefault(surfacesCol, "surfaces");
    setDefault(minTermLength, 2);
    setDefault(maxTermLength, 40);
  }

  public Param<String> inputCol() { return inputCol; }
  public Param<String> languageCol() { return languageCol; }
  public Param<String> outputCol() { return outputCol; }
  public Param<String> surfacesCol() { return surfacesCol; }
  public IntParam minTermLength() { return minTermLength; }
  public IntParam maxTermLength() { return maxTermLength; }

  public TextAnalyzer setMinTermLength(int value) { set(minTermLength, value); return this; }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    var analyze = udf(new Analyze((Integer) $(minTermLength), (Integer) $(maxTermLength)), ANALYSED);
    String tmp = "_" + uid;
    return dataset.withColumn(tmp, analyze.apply(col($(inputCol)), col($(languageCol))))
        .withColumn($(outputCol), col(tmp + ".terms"))
        .withColumn($(surfacesCol), col(tmp + ".surfaces"))
        .drop(tmp);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    SchemaChecks.requireColumn(schema, $(inputCol), DataTypes.StringType);
    SchemaChecks.requireColumn(schema, $(languageCol), DataTypes.StringType);
    StructType out = SchemaChecks.appendColumn(schema, $(outputCol), STRINGS, false);
    return SchemaChecks.appendColumn(out, $(surfacesCol), STRINGS, false);
  }

  @Override
  public TextAnalyzer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }

  public static MLReader<TextAnalyzer> read() {
    return new DefaultParamsReader<>();
  }

  public static TextAnalyzer load(String path) {
    return read().load(path);
  }

  /** Each task deserializes its own copy, so analyzers are built once per task and language. */
  private static final class Analyze implements UDF2<String, String, Row> {
    private final int minLength;
    private final int maxLength;
    private transient Map<String, Analyzer> analyzers;

    Analyze(int minLength, int maxLength) {
      this.minLength = minLength;
      this.maxLength = maxLength;
    }

    @Override
    public Row call(String text, String language) {
      if (text == null || text.isEmpty()) {
        return RowFactory.create(List.of(), List.of());
      }
      if (analyzers == null) {
        analyzers = new HashMap<>();
      }
      Analyzer analyzer = analyzers.computeIfAbsent(language == null ? "und" : language, LanguageAnalyzers::create);
      Tokens.Analysed analysed = Tokens.analyzeWithSurfaces(analyzer, text, minLength, maxLength);
      return RowFactory.create(analysed.terms(), analysed.surfaces());
    }
  }
}
