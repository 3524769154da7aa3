package org.polycorpus.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.SparkTestBase;

/** PipelineFiles writes what Spark's own writers write, without a Spark job, and it loads back. */
class PipelineFilesTest extends SparkTestBase {
  @Test
  void savesWhatSparksWritersSaveWithoutTheirJobs(@TempDir Path dir) throws Exception {
    List<Object[]> counts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // Two themes of term counts: terms 0-2 or terms 3-5, with a little of the other.
      double[] v = new double[6];
      for (int t = 0; t < 6; t++) {
        v[t] = (t < 3) == (i % 2 == 0) ? 3 + (i + t) % 4 : (i + t) % 2;
      }
      counts.add(new Object[] {Vectors.dense(v)});
    }
    Dataset<Row> data = rows(new StructType().add("features", SQLDataTypes.VectorType()),
        counts.toArray(Object[][]::new));
    PipelineModel pipeline = new PipelineModel("polycorpus_test", new Transformer[] {
        new KMeans().setK(2).setSeed(1).setPredictionCol("cluster").fit(data),
        new PCA().setK(2).setInputCol("features").setOutputCol("map").fit(data),
        new LDA().setK(2).setMaxIter(5).setSeed(1).setOptimizer("online").setTopicDistributionCol("topics")
            .fit(data)});

    Path ours = dir.resolve("ours");
    Path sparks = dir.resolve("sparks");
    assertThat(jobsDuring(() -> PipelineFiles.save(pipeline, ours.toString(), spark))).isZero();
    pipeline.write().save(sparks.toString());

    List<Path> stages;
    try (Stream<Path> listed = Files.list(sparks.resolve("stages"))) {
      stages = listed.map(Path::getFileName).sorted().toList();
    }
    assertThat(stages).hasSize(3);
    for (Path stage : stages) {
      assertThat(metadata(ours.resolve("stages").resolve(stage))).as("metadata of %s", stage)
          .isEqualTo(metadata(sparks.resolve("stages").resolve(stage)));
      Dataset<Row> written = spark.read().parquet(ours.resolve("stages").resolve(stage).resolve("data").toString());
      Dataset<Row> expected = spark.read().parquet(sparks.resolve("stages").resolve(stage).resolve("data").toString());
      assertThat(written.schema()).as("data schema of %s", stage).isEqualTo(expected.schema());
      assertThat(written.collectAsList()).as("data of %s", stage).containsExactlyInAnyOrderElementsOf(
          expected.collectAsList());
    }
    assertThat(metadata(ours)).isEqualTo(metadata(sparks));
    assertThat(PipelineModel.load(ours.toString()).transform(data).collectAsList())
        .isEqualTo(PipelineModel.load(sparks.toString()).transform(data).collectAsList());
  }

  /** Metadata JSON without the save time. */
  private static ObjectNode metadata(Path model) throws java.io.IOException {
    Path file;
    try (Stream<Path> files = Files.list(model.resolve("metadata"))) {
      file = files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
    }
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
    json.remove("timestamp");
    return json;
  }

  /** Spark jobs started while {@code work} ran, counted once a later job's start has been delivered. */
  private static int jobsDuring(ThrowingRunnable work) throws Exception {
    AtomicInteger jobs = new AtomicInteger();
    AtomicInteger marker = new AtomicInteger(-1);
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        if ("marker".equals(start.properties().getProperty("spark.job.description"))) {
          marker.set(start.jobId());
        } else if (marker.get() < 0) {
          jobs.incrementAndGet();
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    try {
      work.run();
      spark.sparkContext().setJobDescription("marker");
      spark.range(1).count();
      spark.sparkContext().setJobDescription(null);
      for (int i = 0; i < 100 && marker.get() < 0; i++) {
        Thread.sleep(100);
      }
      assertThat(marker.get()).as("the marker job's start was delivered").isNotNegative();
      return jobs.get();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
