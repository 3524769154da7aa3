package org.polycorpus.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import org.polycorpus.language.LanguageDetector;
import org.polycorpus.ml.SchemaChecks;
import org.polycorpus.ml.StageParams;

/**
 * Turns each text into terms with its own language's analyzer ({@link LanguageAnalyzers}):
 * tokenization, normalisation, stopword removal and stemming per language. Each language
 * segment of the text (see {@code LanguageDetector}) goes through its language's analyzer, and
 * the terms are gathered per language: a German article's Arabic quote yields Arabic terms.
 */
public final class TextAnalyzer extends Transformer implements DefaultParamsWritable {
  private static final ArrayType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);
  /** One element per language of the text, in the order the segments first use it. */
  public static final ArrayType PARTS = DataTypes.createArrayType(new StructType()
      .add("language", DataTypes.StringType, false)
      .add("tokens", STRINGS, false)
      .add("surfaces", STRINGS, false), false);

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> segmentsCol;
  private final Param<String> outputCol;
  private final IntParam minTermLength;
  private final IntParam maxTermLength;

  public TextAnalyzer() {
    this(Identifiable.randomUID("analyzer"));
  }

  public TextAnalyzer(String uid) {
    this.uid = uid;
    inputCol = StageParams.column(this, "inputCol", "text to analyse (default: body)");
    segmentsCol = StageParams.column(this, "segmentsCol",
        "the text's language segments, array<struct<language, start, end>> (default: segments)");
    outputCol = StageParams.column(this, "outputCol",
        "terms per language: array<struct<language, tokens, surfaces>>, surfaces being each term's word as "
            + "written, lower-cased (default: parts)");
    minTermLength = StageParams.atLeast(this, "minTermLength", "shorter terms are dropped (default: 2)", 1);
    maxTermLength = StageParams.atLeast(this, "maxTermLength", "longer terms are dropped (default: 40)", 1);
    setDefault(inputCol, "body");
    setDefault(segmentsCol, "segments");
    setDefault(outputCol, "parts");
    setDefault(minTermLength, 2);
    setDefault(maxTermLength, 40);
  }

  public Param<String> inputCol() { return inputCol; }
  public Param<String> segmentsCol() { return segmentsCol; }
  public Param<String> outputCol() { return outputCol; }
  public IntParam minTermLength() { return minTermLength; }
  public IntParam maxTermLength() { return maxTermLength; }

  public TextAnalyzer setMinTermLength(int value) { set(minTermLength, value); return this; }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    var analyze = udf(new Analyze((Integer) $(minTermLength), (Integer) $(maxTermLength)), PARTS);
    return dataset.withColumn($(outputCol), analyze.apply(col($(inputCol)), col($(segmentsCol))));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    SchemaChecks.requireColumn(schema, $(inputCol), DataTypes.StringType);
    SchemaChecks.requireColumn(schema, $(segmentsCol), LanguageDetector.SEGMENTS);
    return SchemaChecks.appendColumn(schema, $(outputCol), PARTS, false);
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
  private static final class Analyze implements UDF2<String, Seq<Row>, List<Row>> {
    private final int minLength;
    private final int maxLength;
    private transient Map<String, Analyzer> analyzers;

    Analyze(int minLength, int maxLength) {
      this.minLength = minLength;
      this.maxLength = maxLength;
    }

    @Override
    public List<Row> call(String text, Seq<Row> segments) {
      if (text == null || text.isEmpty() || segments == null) {
        return List.of();
      }
      if (analyzers == null) {
        analyzers = new HashMap<>();
      }
      Map<String, List<String>> terms = new LinkedHashMap<>();
      Map<String, List<String>> surfaces = new LinkedHashMap<>();
      for (Row segment : CollectionConverters.asJava(segments)) {
        String language = segment.getString(0);
        Analyzer analyzer = analyzers.computeIfAbsent(language, LanguageAnalyzers::create);
        Tokens.Analysed analysed = Tokens.analyzeWithSurfaces(analyzer,
            text.substring(segment.getInt(1), segment.getInt(2)), minLength, maxLength);
        terms.computeIfAbsent(language, l -> new ArrayList<>()).addAll(analysed.terms());
        surfaces.computeIfAbsent(language, l -> new ArrayList<>()).addAll(analysed.surfaces());
      }
      List<Row> parts = new ArrayList<>();
      terms.forEach((language, languageTerms) ->
          parts.add(RowFactory.create(language, languageTerms, surfaces.get(language))));
      return parts;
    }
  }
}
