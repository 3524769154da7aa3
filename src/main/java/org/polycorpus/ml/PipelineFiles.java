package org.polycorpus.ml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.SparkSession;
import org.json4s.JArray;
import org.json4s.JObject;
import org.json4s.JString;
import org.json4s.JValue;
import scala.Option;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Saves a fitted PipelineModel in Spark ML's own layout, which {@code PipelineModel.load} reads
 * back, writing each metadata file straight to the file system and the data of k-means, PCA and
 * LDA models with {@link ModelData}. Spark writes every metadata and data file with a Spark job
 * of its own; a run saving dozens of language pipelines spent most of its saving time on them.
 * Other stages with data keep their own writers.
 */
public final class PipelineFiles {
  private PipelineFiles() {}

  /** Fails, as Spark's writer does, when {@code path} exists. */
  public static void save(PipelineModel pipeline, String path, SparkSession spark) throws IOException {
    Path root = new Path(path);
    FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (fs.exists(root)) {
      throw new IOException("Path " + path + " already exists");
    }
    Transformer[] stages = pipeline.stages();
    List<JValue> uids = Arrays.stream(stages).<JValue>map(stage -> new JString(stage.uid())).toList();
    JValue stageUids = new JObject(CollectionConverters.asScala(
        List.of(new Tuple2<String, JValue>("stageUids", new JArray(CollectionConverters.asScala(uids).toList()))))
        .toList());
    write(fs, root, DefaultParamsWriter$.MODULE$.getMetadataToSave(pipeline, spark, Option.empty(),
        Option.apply(stageUids)));
    // Spark's stage folders: index zero-padded to the digits of the stage count, then the uid.
    String index = "%0" + Integer.toString(stages.length).length() + "d";
    for (int i = 0; i < stages.length; i++) {
      String stagePath = path + "/stages/" + String.format(index, i) + "_" + stages[i].uid();
      MLWriter writer = ((MLWritable) stages[i]).write();
      SparkModelData.Table data = SparkModelData.of(stages[i]);
      if (writer instanceof DefaultParamsWriter || data != null) {
        saveMetadata(stages[i], stagePath, spark);
        if (data != null) {
          ModelData.write(data.rows(), data.schema(), stagePath + "/data", spark);
        }
      } else {
        writer.save(stagePath);
      }
    }
  }

  /** The metadata file DefaultParamsWriter would write for {@code instance}, without a Spark job. */
  public static void saveMetadata(Params instance, String path, SparkSession spark) throws IOException {
    Path root = new Path(path);
    write(root.getFileSystem(spark.sparkContext().hadoopConfiguration()), root,
        DefaultParamsWriter$.MODULE$.getMetadataToSave(instance, spark));
  }

  private static void write(FileSystem fs, Path root, String metadata) throws IOException {
    try (OutputStream stream = fs.create(new Path(root, "metadata/part-00000"), false)) {
      stream.write(metadata.getBytes(StandardCharsets.UTF_8));
      stream.write('\n');
    }
  }
}
