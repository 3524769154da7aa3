package org.polycorpus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseProcessPoolTest {
  private static final byte[] ARTICLE = AdversarialCorpus.GERMAN.getBytes(StandardCharsets.UTF_8);
  private static final byte[] HANGS = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mock>\n"
      + "  <hang millis=\"600000\" heavy=\"false\" interruptible=\"false\"/>\n</mock>\n").getBytes(StandardCharsets.UTF_8);

  @Test
  void theNextTaskParsesWithTheProcessAnEndedTaskHandedBack() {
    // Limits no other test uses, so that no other test's process is handed out here.
    ExtractionLimits limits = ExtractionLimits.defaults().withMaxChars(4_711);
    ForkedParser first = handedBackAfterAParse(limits);

    try (ForkedParser other = ParseProcessPool.take(limits.withMaxChars(4_712))) {
      assertThat(other).as("other limits, another process").isNotSameAs(first);
    }
    ForkedParser next = ParseProcessPool.take(limits);
    assertThat(next).isSameAs(first);
    assertThat(next.idleAndAlive()).isTrue();
    assertThat(parse(next, ARTICLE, "article.txt").text()).isEqualTo(AdversarialCorpus.GERMAN);
    ParseProcessPool.giveBack(next);
  }

  @Test
  void aProcessStartedAheadIsRunningWhenTheFirstTaskTakesIt() {
    ExtractionLimits limits = ExtractionLimits.defaults().withMaxChars(4_714);
    ParseProcessPool.startAhead(limits, 1);
    ForkedParser first = ParseProcessPool.take(limits);
    assertThat(first.idleAndAlive()).as("started before any file").isTrue();
    assertThat(parse(first, ARTICLE, "article.txt").text()).isEqualTo(AdversarialCorpus.GERMAN);
    ParseProcessPool.giveBack(first);
    assertThat(ParseProcessPool.take(limits)).isSameAs(first);
    first.close();
  }

  @Test
  void aProcessAnEarlierRunKeptIsTakenInsteadOfOneStartedAhead() {
    ExtractionLimits limits = ExtractionLimits.defaults().withMaxChars(4_716);
    ForkedParser earlier = handedBackAfterAParse(limits);

    ParseProcessPool.startAhead(limits, 1);
    ForkedParser first = ParseProcessPool.take(limits);
    assertThat(first).as("the kept process, not a new one").isSameAs(earlier);
    assertThat(parse(first, ARTICLE, "article.txt").text()).isEqualTo(AdversarialCorpus.GERMAN);
    first.close();
  }

  @Test
  void aProcessStoppedAtTheTimeLimitIsNotHandedOn() {
    ExtractionLimits limits = ExtractionLimits.defaults().withMaxChars(4_713).withTimeoutMillis(3_000);
    ForkedParser parser = ParseProcessPool.take(limits);
    assertThat(parse(parser, HANGS, "hangs.xml").status()).isEqualTo(DocumentStatus.TIMEOUT);
    assertThat(parser.idleAndAlive()).isFalse();
    ParseProcessPool.giveBack(parser);
    try (ForkedParser replacement = ParseProcessPool.take(limits)) {
      assertThat(replacement).isNotSameAs(parser);
    }
  }

  @Test
  void aProcessWhoseClassArchiveCannotBeMappedStartsWithoutIt(@TempDir Path folder) throws Exception {
    Path notAnArchive = Files.writeString(folder.resolve("classes.jsa"), "not a class-data archive");
    System.setProperty(ForkedParser.CLASS_ARCHIVE_PROPERTY, notAnArchive.toString());
    try (ForkedParser parser = new ForkedParser(ExtractionLimits.defaults().withMaxChars(4_715))) {
      assertThat(parse(parser, ARTICLE, "article.txt").text()).isEqualTo(AdversarialCorpus.GERMAN);
    } finally {
      System.clearProperty(ForkedParser.CLASS_ARCHIVE_PROPERTY);
    }
  }

  /** A task's parser: takes one, parses an article with it, hands it back to the pool. */
  private static ForkedParser handedBackAfterAParse(ExtractionLimits limits) {
    ForkedParser parser = ParseProcessPool.take(limits);
    assertThat(parse(parser, ARTICLE, "article.txt").status()).isEqualTo(DocumentStatus.OK);
    ParseProcessPool.giveBack(parser);
    return parser;
  }

  private static Extraction parse(ForkedParser parser, byte[] content, String name) {
    return parser.parse(new ByteArrayInputStream(content), name, content.length);
  }
}
