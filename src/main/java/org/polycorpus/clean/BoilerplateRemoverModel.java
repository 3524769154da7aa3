package org.polycorpus.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.ml.OneStepColumns;
import org.polycorpus.ml.PipelineFiles;
import org.polycorpus.ml.StringListData;

/** Removes boilerplate lines: the learned repeated lines plus {@link BoilerplateRules}. */
public final class BoilerplateRemoverModel extends Model<BoilerplateRemoverModel>
    implements BoilerplateParams, MLWritable {
  private static final StructType CLEANED = new StructType()
      .add("body", DataTypes.StringType, false)
      .add("removed", DataTypes.IntegerType, false);

  private final String uid;
  private final List<String> learnedLines;
  private final BoilerplateParams.Declared columns;

  public BoilerplateRemoverModel(String uid, List<String> learnedLines) {
    this.uid = uid;
    this.learnedLines = List.copyOf(learnedLines);
    this.columns = BoilerplateParams.declare(this);
  }

  @Override
  public BoilerplateParams.Declared declared() {
    return columns;
  }

  /** The line keys learned as boilerplate, most frequent first. */
  public List<String> learnedLines() {
    return learnedLines;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Set<String> repeated = new HashSet<>(learnedLines);
    var clean = udf((UDF1<String, Row>) text -> {
      BoilerplateRules.Cleaned cleaned = BoilerplateRules.remove(text == null ? "" : text, repeated);
      return RowFactory.create(cleaned.body(), cleaned.removedChars());
    }, CLEANED);
    String tmp = "_" + uid;
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put($(outputCol()), "body");
    fields.put($(removedCharsCol()), "removed");
    return OneStepColumns.spread(dataset, tmp, clean.apply(col($(inputCol()))), fields);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return BoilerplateParams.outputSchema(this, schema);
  }

  @Override
  public BoilerplateRemoverModel copy(ParamMap extra) {
    return copyValues(new BoilerplateRemoverModel(uid, learnedLines), extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public MLWriter write() {
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        try {
          PipelineFiles.saveMetadata(BoilerplateRemoverModel.this, path, sparkSession());
          StringListData.save(sparkSession(), learnedLines, path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  public static MLReader<BoilerplateRemoverModel> read() {
    return new MLReader<>() {
      @Override
      public BoilerplateRemoverModel load(String path) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sparkSession());
        BoilerplateRemoverModel model =
            new BoilerplateRemoverModel(metadata.uid(), StringListData.load(sparkSession(), path));
        metadata.getAndSetParams(model, scala.Option.empty());
        return model;
      }
    };
  }

  public static BoilerplateRemoverModel load(String path) {
    return read().load(path);
  }
}
