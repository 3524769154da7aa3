package org.polycorpus.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.ml.StageParams;

/**
 * Learns the corpus's template lines: lines (compared by {@link BoilerplateRules#lineKey}) of
 * at most {@code maxLineChars} characters found in at least {@code minDocs} documents. The
 * fitted {@link BoilerplateRemoverModel} removes those, the rule-based template lines, and
 * repeated lines within a document.
 */
public final class BoilerplateRemover extends Estimator<BoilerplateRemoverModel>
    implements BoilerplateParams, DefaultParamsWritable {
  private final String uid;
  private final BoilerplateParams.Declared columns;
  private final IntParam minDocs;
  private final IntParam maxLineChars;
  private final IntParam maxLearnedLines;

  public BoilerplateRemover() {
    this(Identifiable.randomUID("boilerplate"));
  }

  public BoilerplateRemover(String uid) {
    this.uid = uid;
    this.columns = BoilerplateParams.declare(this);
    minDocs = StageParams.atLeast(this, "minDocs", "a line in this many documents is boilerplate (default: 2)", 2);
    maxLineChars = StageParams.atLeast(this, "maxLineChars",
        "longer lines are never learned as boilerplate, so shared quotes survive (default: 120)", 1);
    maxLearnedLines = StageParams.atLeast(this, "maxLearnedLines",
        "at most this many learned lines, the most frequent first (default: 100000)", 0);
    setDefault(minDocs, 2);
    setDefault(maxLineChars, 120);
    setDefault(maxLearnedLines, 100_000);
  }

  @Override
  public BoilerplateParams.Declared declared() {
    return columns;
  }

  public IntParam minDocs() { return minDocs; }
  public IntParam maxLineChars() { return maxLineChars; }
  public IntParam maxLearnedLines() { return maxLearnedLines; }

  public BoilerplateRemover setInputCol(String value) { set(inputCol(), value); return this; }
  public BoilerplateRemover setOutputCol(String value) { set(outputCol(), value); return this; }
  public BoilerplateRemover setMinDocs(int value) { set(minDocs, value); return this; }
  public BoilerplateRemover setMaxLineChars(int value) { set(maxLineChars, value); return this; }

  @Override
  public BoilerplateRemoverModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    int lineLimit = (Integer) $(maxLineChars);
    var lineKeys = udf((UDF1<String, List<String>>) text -> BoilerplateRules.distinctLineKeys(text, lineLimit),
        DataTypes.createArrayType(DataTypes.StringType));
    List<String> learned = dataset
        .select(explode(lineKeys.apply(col($(inputCol())))).as("key"))
        .groupBy("key").count()
        .filter(col("count").geq((Integer) $(minDocs)))
        .orderBy(col("count").desc(), col("key"))
        .limit((Integer) $(maxLearnedLines))
        .select("key").as(Encoders.STRING())
        .collectAsList();
    BoilerplateRemoverModel model = new BoilerplateRemoverModel(uid, learned);
    copyValues(model, extractParamMap());
    return model.setParent(this);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return BoilerplateParams.outputSchema(this, schema);
  }

  @Override
  public BoilerplateRemover copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }

  public static MLReader<BoilerplateRemover> read() {
    return new DefaultParamsReader<>();
  }

  public static BoilerplateRemover load(String path) {
    return read().load(path);
  }
}
