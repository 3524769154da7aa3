package org.polycorpus.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.app.PolycorpusMain;
import org.polycorpus.output.Tables;

/** A real HDFS (NameNode and DataNode) on loopback: hdfs:// input and output give the local tables. */
class HdfsIT {
  @TempDir
  Path work;

  @Test
  void readsAndWritesHdfs() throws Exception {
    System.setProperty("spark.ui.enabled", "false");
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("hdfs").toString());
    MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      hdfs.waitActive();
      String root = hdfs.getURI().toString();
      FileSystem fs = hdfs.getFileSystem();
      try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
        for (Path seed : seeds.toList()) {
          fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(seed.toAbsolutePath().toString()),
              new org.apache.hadoop.fs.Path(root + "/corpus/" + seed.getFileName()));
        }
      }

      String hdfsOut = root + "/polycorpus/out";
      String localOut = work.resolve("local-out").toString();
      assertThat(PolycorpusMain.run("--input", root + "/corpus", "--output", hdfsOut, "--master", "local[2]"))
          .isZero();
      assertThat(PolycorpusMain.run("--input", "seeds", "--output", localOut, "--master", "local[2]")).isZero();

      assertThat(fs.exists(new org.apache.hadoop.fs.Path(hdfsOut + "/_SUCCESS"))).isTrue();
      assertThat(fs.exists(new org.apache.hadoop.fs.Path(hdfsOut + "/models/de/metadata"))).isTrue();
      SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
      try {
        assertThat(spark.read().parquet(hdfsOut + "/" + Tables.DOCUMENTS).collectAsList())
            .allSatisfy(row -> assertThat(row.<String>getAs("path")).startsWith(root + "/corpus/"));
        TableComparison.assertSameTables(spark, localOut, hdfsOut);
      } finally {
        spark.stop();
      }
    } finally {
      hdfs.shutdown();
    }
  }
}
