package org.polycorpus.language;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.ml.OneStepColumns;
import org.polycorpus.ml.SchemaChecks;
import org.polycorpus.ml.StageParams;

/**
 * Adds each document's language (ISO 639-1, or "und") and the detector's confidence, and the
 * document cut into runs of lines by language ({@link Segments}) with each language's share, so
 * that a quoted paragraph in another language is analysed and modelled as that language.
 */
public final class LanguageDetector extends Transformer implements DefaultParamsWritable {
  public static final ArrayType SEGMENTS = DataTypes.createArrayType(new StructType()
      .add("language", DataTypes.StringType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false), false);
  public static final ArrayType SHARES = DataTypes.createArrayType(new StructType()
      .add("language", DataTypes.StringType, false)
      .add("share", DataTypes.DoubleType, false), false);
  private static final StructType GUESS = new StructType()
      .add("language", DataTypes.StringType, false)
      .add("confidence", DataTypes.DoubleType, false)
      .add("segments", SEGMENTS, false)
      .add("shares", SHARES, false);

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> languageCol;
  private final Param<String> confidenceCol;
  private final DoubleParam minConfidence;
  private final IntParam maxChars;
  private final Param<String> segmentsCol;
  private final Param<String> sharesCol;
  private final IntParam minSegmentChars;
  private final DoubleParam segmentMinConfidence;

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
    segmentsCol = StageParams.column(this, "segmentsCol",
        "runs of lines by language: array<struct<language, start, end>> (default: segments)");
    sharesCol = StageParams.column(this, "sharesCol",
        "each language's share of the characters, largest first (default: languages)");
    minSegmentChars = StageParams.atLeast(this, "minSegmentChars",
        "shorter lines keep the document's language (default: 80)", 1);
    segmentMinConfidence = StageParams.inRange(this, "segmentMinConfidence",
        "a line leaves the document's language only at this probability (default: 0.9)", 0.0, 1.0);
    setDefault(segmentsCol, "segments");
    setDefault(sharesCol, "languages");
    setDefault(minSegmentChars, 80);
    setDefault(segmentMinConfidence, 0.9);
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
  public Param<String> segmentsCol() { return segmentsCol; }
  public Param<String> sharesCol() { return sharesCol; }
  public IntParam minSegmentChars() { return minSegmentChars; }
  public DoubleParam segmentMinConfidence() { return segmentMinConfidence; }

  public LanguageDetector setMinConfidence(double value) { set(minConfidence, value); return this; }
  public LanguageDetector setMaxChars(int value) { set(maxChars, value); return this; }
  public LanguageDetector setMinSegmentChars(int value) { set(minSegmentChars, value); return this; }
  public LanguageDetector setSegmentMinConfidence(double value) { set(segmentMinConfidence, value); return this; }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    var detect = udf(new Detect((Integer) $(maxChars), (Double) $(minConfidence), (Integer) $(minSegmentChars),
        (Double) $(segmentMinConfidence)), GUESS);
    String tmp = "_" + uid;
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put($(languageCol), "language");
    fields.put($(confidenceCol), "confidence");
    fields.put($(segmentsCol), "segments");
    fields.put($(sharesCol), "shares");
    return OneStepColumns.spread(dataset, tmp, detect.apply(col($(inputCol))), fields);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    SchemaChecks.requireColumn(schema, $(inputCol), DataTypes.StringType);
    StructType out = SchemaChecks.appendColumn(schema, $(languageCol), DataTypes.StringType, false);
    out = SchemaChecks.appendColumn(out, $(confidenceCol), DataTypes.DoubleType, false);
    out = SchemaChecks.appendColumn(out, $(segmentsCol), SEGMENTS, false);
    return SchemaChecks.appendColumn(out, $(sharesCol), SHARES, false);
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
    private final int minSegmentChars;
    private final double segmentMinConfidence;
    private transient LanguageGuess guess;

    Detect(int maxChars, double minConfidence, int minSegmentChars, double segmentMinConfidence) {
      this.maxChars = maxChars;
      this.minConfidence = minConfidence;
      this.minSegmentChars = minSegmentChars;
      this.segmentMinConfidence = segmentMinConfidence;
    }

    @Override
    public Row call(String text) {
      if (guess == null) {
        guess = new LanguageGuess(maxChars);
      }
      LanguageGuess.Result result = guess.detect(text, minConfidence);
      List<Segments.Segment> segments = text == null ? List.of()
          : Segments.split(text, result.language(), guess, minSegmentChars, segmentMinConfidence);
      List<Row> segmentRows = new ArrayList<>();
      segments.forEach(s -> segmentRows.add(RowFactory.create(s.language(), s.start(), s.end())));
      List<Row> shareRows = new ArrayList<>();
      Segments.shares(segments).forEach(s -> shareRows.add(RowFactory.create(s.language(), s.share())));
      return RowFactory.create(result.language(), result.confidence(), segmentRows, shareRows);
    }
  }
}
