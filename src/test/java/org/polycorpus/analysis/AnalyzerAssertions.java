package org.polycorpus.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/** One-line checks of what an analyzer makes of a text. */
final class AnalyzerAssertions {
  private AnalyzerAssertions() {}

  static List<String> terms(Analyzer analyzer, String text) {
    return Tokens.analyze(analyzer, text, 1, 100);
  }

  static void assertTerms(Analyzer analyzer, String text, String... expected) {
    assertThat(terms(analyzer, text)).as("terms of \"%s\"", text).containsExactly(expected);
  }

  /** Two spellings of one word must give one term. */
  static void assertSameTerm(Analyzer analyzer, String spelling, String otherSpelling) {
    List<String> first = terms(analyzer, spelling);
    assertThat(first).as("terms of \"%s\"", spelling).hasSize(1);
    assertThat(terms(analyzer, otherSpelling)).as("\"%s\" vs \"%s\"", otherSpelling, spelling).isEqualTo(first);
  }
}
