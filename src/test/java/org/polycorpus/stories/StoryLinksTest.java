package org.polycorpus.stories;

import static org.apache.spark.sql.functions.max;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.polycorpus.SparkTestBase;
import org.polycorpus.language.HandbookSamples;

/**
 * The seeds as they are: 000 (German), 001 (Persian) and 004 (Arabic) report the same meeting;
 * 002 and 003 are other German stories from the same region and share some names with it.
 */
class StoryLinksTest extends SparkTestBase {
  private static final StructType DOCUMENTS = new StructType().add("doc_id", "string").add("language", "string")
      .add("body", "string");
  private static final StructType CLUSTERS = new StructType().add("doc_id", "string").add("cluster_id", "int")
      .add("language", "string");

  @Test
  void theSameStoryIsLinkedAcrossThreeScriptsAndTheOthersAreNot() throws IOException {
    Dataset<Row> documents = rows(DOCUMENTS, seeds().toArray(Object[][]::new));
    StoryLinks.Tables tables = StoryLinks.find(documents, seedClusters(), StoryLinks.DEFAULT_MIN_SCORE);

    List<Row> links = tables.links().orderBy("doc_a", "doc_b").collectAsList();
    assertThat(links).extracting(r -> r.getString(0) + "-" + r.getString(1))
        .containsExactly("000-001", "000-004", "001-004");
    // The evidence names the pair's shared words: Pakistan in all three scripts.
    assertThat(links).allSatisfy(link -> assertThat(link.<Row>getList(link.fieldIndex("evidence")))
        .extracting(e -> e.getString(0)).contains("@bkstn"));
    assertThat(tables.stories().collectAsList()).extracting(r -> r.<String>getAs("doc_id") + " "
        + r.<String>getAs("story_id") + " " + r.<Long>getAs("languages"))
        .containsExactlyInAnyOrder("000 000 3", "001 000 3", "004 000 3");

    // German cluster 0 (000) is the Persian and Arabic cluster's best match, not cluster 1.
    assertThat(tables.clusterLinks().filter("language_a = 'fa' and best").collectAsList())
        .extracting(r -> r.<String>getAs("language_b") + r.<Integer>getAs("cluster_b"))
        .containsExactlyInAnyOrder("de0", "ar0");
  }

  /**
   * Up to its limit the tables are computed in one task; they must be the distributed plan's.
   * The seeds and the handbook's pages in 26 languages (translations of one another) give links
   * in and across scripts, stories of many languages and clusters to align.
   */
  @Test
  void oneTaskGivesTheTablesOfTheDistributedPlan() throws IOException {
    List<Object[]> docs = seeds();
    List<Object[]> clusters = new ArrayList<>();
    seedClusters().collectAsList().forEach(row -> clusters.add(new Object[] {row.get(0), row.get(1), row.get(2)}));
    Map<String, Integer> pages = new HashMap<>();
    for (HandbookSamples.Sample sample : HandbookSamples.build(12, 0)) {
      int page = pages.merge(sample.language(), 1, Integer::sum);
      String docId = sample.language() + "-" + page;
      docs.add(new Object[] {docId, sample.language(), sample.text()});
      clusters.add(new Object[] {docId, page % 3, sample.language()});
    }
    Dataset<Row> documents = rows(DOCUMENTS, docs.toArray(Object[][]::new));
    Dataset<Row> clustered = rows(CLUSTERS, clusters.toArray(Object[][]::new));
    StoryLinks.Tables inTask = InTaskStoryLinks.find(documents, clustered, StoryLinks.DEFAULT_MIN_SCORE);
    StoryLinks.Tables distributed = StoryLinks.distributed(documents, clustered, StoryLinks.DEFAULT_MIN_SCORE,
        docs.size());
    assertSameRows(inTask.links(), distributed.links(), "story_links");
    assertSameRows(inTask.stories(), distributed.stories(), "stories");
    assertSameRows(inTask.clusterLinks(), distributed.clusterLinks(), "cluster_links");
    assertThat(inTask.links().count()).isGreaterThan(100);
    assertThat(inTask.stories().select("languages").agg(max("languages")).first().getLong(0)).isGreaterThan(10);

    // Evidence read ahead (while a run fits its languages) gives the same tables, and is released with them.
    StoryLinks.ReadAhead evidence = StoryLinks.readAhead(documents).orElseThrow();
    assertThat(evidence.keys().getStorageLevel().useMemory()).isTrue();
    StoryLinks.Tables readAhead = StoryLinks.find(evidence, clustered, StoryLinks.DEFAULT_MIN_SCORE);
    assertSameRows(readAhead.links(), inTask.links(), "story_links read ahead");
    assertSameRows(readAhead.stories(), inTask.stories(), "stories read ahead");
    assertSameRows(readAhead.clusterLinks(), inTask.clusterLinks(), "cluster_links read ahead");
    readAhead.release();
    assertThat(evidence.keys().getStorageLevel().useMemory()).isFalse();
    inTask.release();
  }

  private static void assertSameRows(Dataset<Row> actual, Dataset<Row> expected, String table) {
    // Columns and types; a task's rows are declared non-null where Spark's plan cannot tell.
    assertThat(actual.schema().catalogString()).as(table).isEqualTo(expected.schema().catalogString());
    assertThat(actual.exceptAll(expected).count()).as("%s rows only in one task", table).isZero();
    assertThat(expected.exceptAll(actual).count()).as("%s rows only in Spark's plan", table).isZero();
  }

  private static List<Object[]> seeds() throws IOException {
    List<Object[]> docs = new ArrayList<>();
    String[] languages = {"de", "fa", "de", "de", "ar"};
    try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
      int i = 0;
      for (Path seed : seeds.sorted().toList()) {
        docs.add(new Object[] {seed.getFileName().toString().substring(0, 3), languages[i++], Files.readString(seed)});
      }
    }
    return docs;
  }

  private static Dataset<Row> seedClusters() {
    return rows(CLUSTERS, new Object[] {"000", 0, "de"}, new Object[] {"001", 0, "fa"},
        new Object[] {"002", 1, "de"}, new Object[] {"003", 1, "de"}, new Object[] {"004", 0, "ar"});
  }
}
