package org.polycorpus.app;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.SparkTestBase;
import org.polycorpus.output.OutputLocation;
import org.polycorpus.output.Tables;
import scala.jdk.javaapi.CollectionConverters;

class TableTalliesTest extends SparkTestBase {
  @TempDir
  Path work;

  /**
   * Quality per language equals Spark's aggregates and full joins over the same tables: topics
   * repeat their coherence on every term's row, coherence may be null, and a language may have
   * only copies, only topics, or only clusters.
   */
  @Test
  void qualityIsWhatSparksAggregatesAndJoinsGive() throws Exception {
    OutputLocation out = OutputLocation.prepare(work.resolve("out").toString(), work.resolve("in").toString(), "t1",
        false, spark.sparkContext().hadoopConfiguration());
    List<Object[]> topics = new ArrayList<>();
    String[] languages = {"ar", "de", "fa", "zh"};
    for (int l = 0; l < 3; l++) {
      for (int topic = 0; topic < 5; topic++) {
        Double coherence = topic == 4 && l == 2 ? null : 0.1 * topic - 0.13 * l + 1e-9 * topic * topic;
        for (int rank = 0; rank < 10; rank++) {
          topics.add(new Object[] {topic, "t" + rank, "w" + rank, rank, 0.1, coherence, languages[l]});
        }
      }
    }
    Writers.write(rows(Tables.TOPICS_SCHEMA, topics.toArray(Object[][]::new)), Tables.TOPICS, out);
    Writers.write(rows(Tables.CLUSTERS_SCHEMA,
        cluster(0, 0.31, "de"), cluster(1, null, "de"), cluster(2, -0.07, "de"), cluster(0, 0.5, "zh"),
        cluster(0, null, "ar")), Tables.CLUSTERS, out);
    Writers.write(rows(Tables.DUPLICATE_GROUPS_SCHEMA,
        copy("g1", "d1", true, "de"), copy("g1", "d2", false, "de"), copy("g1", "d3", false, "de"),
        copy("g2", "d4", true, "zh"), copy("g3", "d5", true, "ar"), copy("g3", "d6", false, "ar"),
        copy("g4", "d7", false, "ko")), Tables.DUPLICATE_GROUPS, out);

    List<Row> tallied = TableTallies.quality(spark, out);

    List<Row> expected = sparkQuality(out);
    assertThat(tallied).hasSize(5).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Row row = tallied.get(i);
      Row want = expected.get(i);
      assertThat(row.getString(0)).isEqualTo(want.getString(0));
      // Means differ from Spark's in the last bits at most: it adds in an order of its own.
      for (int field = 1; field <= 2; field++) {
        assertThat(row.isNullAt(field)).as(row + " field " + field).isEqualTo(want.isNullAt(field));
        if (!want.isNullAt(field)) {
          assertThat(row.getDouble(field)).as(row.toString()).isCloseTo(want.getDouble(field), within(1e-12));
        }
      }
      assertThat(row.get(3)).as(row.toString()).isEqualTo(want.get(3));
    }
  }

  /** The same tallies as Spark's aggregates and joins: how the run computed them before. */
  private static List<Row> sparkQuality(OutputLocation out) {
    Dataset<Row> topics = Writers.readTable(spark, Tables.TOPICS, out)
        .select("language", "topic_id", "coherence").distinct()
        .groupBy("language").agg(avg("coherence").as("topic_coherence"));
    Dataset<Row> clusters = Writers.readTable(spark, Tables.CLUSTERS, out)
        .groupBy("language").agg(avg("coherence").as("cluster_coherence"));
    Dataset<Row> copies = Writers.readTable(spark, Tables.DUPLICATE_GROUPS, out).filter("not kept")
        .groupBy("language").agg(count(lit(1)).as("duplicates"));
    return topics.join(clusters, new String[] {"language"}, "full")
        .join(copies, new String[] {"language"}, "full").orderBy("language")
        .select(col("language"), col("topic_coherence"), col("cluster_coherence"), col("duplicates"))
        .collectAsList();
  }

  private static Object[] cluster(int id, Double coherence, String language) {
    return new Object[] {id, 3L, CollectionConverters.asScala(List.of("a", "b")).toSeq(), 0.2, coherence, language};
  }

  private static Object[] copy(String group, String doc, boolean kept, String language) {
    return new Object[] {group, doc, kept, 0.9, 2L, language};
  }
}
