package org.polycorpus.ml;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CatalystTypeConverters$;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetOptions;
import org.apache.spark.sql.execution.datasources.parquet.ParquetUtils;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * Writes a fitted stage's data (k-means centres, LDA topics, a vocabulary, learned lines) or the
 * run's one-row record as one Parquet file from the driver, through the writer Spark's Parquet
 * source gives its tasks, so Spark's readers load it as if a Spark job had written it. Spark's
 * model writers run a job per data file, and a run saving dozens of language pipelines spent
 * most of its saving time on those jobs. The rows are model parameters or the run's record,
 * already on the driver.
 */
public final class ModelData {
  private ModelData() {}

  /** Writes {@code rows} to the folder {@code path}, which must not exist yet. */
  public static void write(List<Row> rows, StructType schema, String path, SparkSession spark) throws IOException {
    // The job holds its own copy of the configuration, which the writer's set-up changes.
    Job job = Job.getInstance(spark.sparkContext().hadoopConfiguration());
    // These values (weights, distinct terms or lines, one run's record) seldom repeat: a
    // dictionary would be built per column and then dropped for plain values.
    job.getConfiguration().setBoolean(ParquetOutputFormat.ENABLE_DICTIONARY, false);
    SQLConf conf = SQLConf.get();
    OutputWriterFactory factory = ParquetUtils.prepareWrite(conf, job, schema, new ParquetOptions(noOptions(), conf));
    TaskAttemptContext context = new TaskAttemptContextImpl(job.getConfiguration(), new TaskAttemptID());
    Function1<Object, Object> toCatalyst = CatalystTypeConverters$.MODULE$.createToCatalystConverter(schema);
    OutputWriter writer = factory.newInstance(path + "/part-00000" + factory.getFileExtension(context), schema,
        context);
    try {
      for (Row row : rows) {
        writer.write((InternalRow) toCatalyst.apply(row));
      }
    } finally {
      writer.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static scala.collection.immutable.Map<String, String> noOptions() {
    return (scala.collection.immutable.Map<String, String>) (Object) scala.collection.immutable.Map$.MODULE$.empty();
  }
}
