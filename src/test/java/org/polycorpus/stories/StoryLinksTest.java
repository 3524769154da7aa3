package org.polycorpus.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.polycorpus.SparkTestBase;

/**
 * The seeds as they are: 000 (German), 001 (Persian) and 004 (Arabic) report the same meeting;
 * 002 and 003 are other German stories from the same region and share some names with it.
 */
class StoryLinksTest extends SparkTestBase {
  @Test
  void theSameStoryIsLinkedAcrossThreeScriptsAndTheOthersAreNot() throws IOException {
    List<Object[]> docs = new ArrayList<>();
    String[] languages = {"de", "fa", "de", "de", "ar"};
    try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
      int i = 0;
      for (Path seed : seeds.sorted().toList()) {
        docs.add(new Object[] {seed.getFileName().toString().substring(0, 3), languages[i++], Files.readString(seed)});
      }
    }
    Dataset<Row> documents = rows(new StructType().add("doc_id", "string").add("language", "string")
        .add("body", "string"), docs.toArray(Object[][]::new));
    Dataset<Row> clusters = rows(new StructType().add("doc_id", "string").add("cluster_id", "int")
        .add("language", "string"), new Object[] {"000", 0, "de"}, new Object[] {"001", 0, "fa"},
        new Object[] {"002", 1, "de"}, new Object[] {"003", 1, "de"}, new Object[] {"004", 0, "ar"});
    StoryLinks.Tables tables = StoryLinks.find(documents, clusters, StoryLinks.DEFAULT_MIN_SCORE);

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
}
