package org.polycorpus.language;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.DoubleParam;
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
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.ml.SchemaChecks;
import org.polycorpus.ml.StageParams;

/** Adds each document's language (ISO 639-1, or "und") and the detector's confidence. */
public final class LanguageDetector extends Transformer implements DefaultParamsWritable {
  private static final StructType GUESS = new StructType()
      .add("language", DataTypes.StringType, false)
      .add("confidence", DataTypes.DoubleType, false);

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> languageCol;
  private final Param<String> confidenceCol;
  private final DoubleParam minConfidence;
  private final IntParam maxChars;

  public LanguageDetector() {
    this(Identifiable.randomUID("langdetect"));
  }

  public LanguageDetector(String uid) {
    this.uid = uid;
    inputCol = StageParams.column(this, "inputCol", "text to detect (default: body)");
    languageCol = StageParams.column(this, "languageCol", "detected language (default: language)");
    confidenceCol = StageParams.column(this, "confidenceCol", "probability of that language (default: language_confidence)");
    minConfidence = StageParams.inRange(this, "minConfidence",
        "below this probability the language is \"und\" (default: 0.5)", 0.0, 1.0);
    maxChars = StageParams.atLeast(this, "maxChars", "characters of each text the detector reads (default: 10000)", 1);
    setDefault(inputCol, "body");
    setDefault(languageCol, "language");
    setDefault(confidenceCol, "language_confidence");
    setDefault(minConfidence, 0.5);
    setDefault(maxChars, 10_000);
  }

  public Param<String> inputCol() { return inputCol; }
  public Param<String> languageCol() { return languageCol; }
  public Param<String> confidenceCol() { return confidenceCol; }
  public DoubleParam minConfidence() { return minConfidence; }
  public IntParam maxChars() { return maxChars; }

  public LanguageDetector setMinConfidence(double value) { set(minConfidence, value); return this; }
  public LanguageDetector setMaxChars(int value) { set(maxChars, value); return this; }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    var detect = udf(new Detect((Integer) $(maxChars), (Double) $(minConfidence)), GUESS);
    String tmp = "_" + uid;
    return dataset.withColumn(tmp, detect.apply(col($(inputCol))))
        .withColumn($(languageCol), col(tmp + ".language"))
        .withColumn($(confidenceCol), col(tmp + ".confidence"))
        .drop(tmp);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    SchemaChecks.requireColumn(schema, $(inputCol), DataTypes.StringType);
    StructType out = SchemaChecks.appendColumn(schema, $(languageCol), DataTypes.StringType, false);
    return SchemaChecks.appendColumn(out, $(confidenceCol), DataTypes.DoubleType, false);
  }

  @Override
  public LanguageDetector copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }

  public static MLReader<LanguageDetector> read() {
    return new DefaultParamsReader<>();
  }

  public static LanguageDetector load(String path) {
    return read().load(path);
  }

  /** Each task deserializes its own copy, so the detector is built once per task, lazily. */
  private static final class Detect implements UDF1<String, Row> {
    private final int maxChars;
    private final double minConfidence;
    private transient LanguageGuess guess;

    Detect(int maxChars, double minConfidence) {
      this.maxChars = maxChars;
      this.minConfidence = minConfidence;
    }

    @Override
    public Row call(String text) {
      if (guess == null) {
        guess = new LanguageGuess(maxChars);
      }
      LanguageGuess.Result result = guess.detect(text, minConfidence);
      return RowFactory.create(result.language(), result.confidence());
    }
  }
}
