package org.polycorpus.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polycorpus.analysis.AnalyzerAssertions.assertSameTerm;
import static org.polycorpus.analysis.AnalyzerAssertions.assertTerms;
import static org.polycorpus.analysis.AnalyzerAssertions.terms;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class GermanAnalysisTest {
  private final Analyzer german = LanguageAnalyzers.create("de");

  @Test
  void foldsUmlautsAndCase() {
    assertSameTerm(german, "Sicherheit", "sicherheit"); // case
    assertSameTerm(german, "Behörde", "Behorde"); // umlaut folded
    assertSameTerm(german, "Straße", "Strasse"); // sharp s
  }

  @Test
  void stemsInflections() {
    assertSameTerm(german, "Minister", "Ministern"); // dative plural
    assertSameTerm(german, "italienisch", "italienischen"); // adjective ending
    assertSameTerm(german, "Gespräch", "Gesprächen"); // plural dative
  }

  @Test
  void removesStopwords() {
    assertTerms(german, "und die der das", new String[0]);
    assertThat(terms(german, "Marokko und Pakistan")).hasSize(2);
  }

  @Test
  void keepsSurfaceFormsAlignedWithTerms() {
    Tokens.Analysed analysed = Tokens.analyzeWithSurfaces(german, "Die italienischen Minister", 2, 40);
    assertThat(analysed.terms()).hasSize(2);
    assertThat(analysed.surfaces()).containsExactly("italienischen", "minister");
  }

  @Test
  void dropsNumbersAndShortTerms() {
    assertThat(Tokens.analyze(german, "2024 38 Tote x", 2, 40)).containsExactly("tot");
  }
}
