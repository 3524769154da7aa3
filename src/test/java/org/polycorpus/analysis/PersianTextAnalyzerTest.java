package org.polycorpus.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polycorpus.analysis.AnalyzerAssertions.assertSameTerm;
import static org.polycorpus.analysis.AnalyzerAssertions.terms;

import org.junit.jupiter.api.Test;

class PersianTextAnalyzerTest {
  private final PersianTextAnalyzer persian = new PersianTextAnalyzer();

  @Test
  void foldsLetterVariantsIntoOneTerm() {
    assertSameTerm(persian, "ایران", "ايران"); // Farsi yeh vs Arabic yeh
    assertSameTerm(persian, "کشور", "كشور"); // keheh vs Arabic kaf
    assertSameTerm(persian, "مراکش", "مراكش"); // the seeds' Morocco, both spellings
    assertSameTerm(persian, "امنیت", "اَمنیت"); // a diacritic
    assertSameTerm(persian, "امنیت", "امنـــیت"); // tatweel
  }

  @Test
  void stemsPluralAndAdjectiveSuffixes() {
    assertSameTerm(persian, "کتاب", "کتابها"); // plural -ha
    assertSameTerm(persian, "کتاب", "کتاب\u200Cها"); // plural -ha after ZWNJ
  }

  @Test
  void removesStopwords() {
    assertThat(terms(persian, "این کشور و آن کشور")).containsExactly(terms(persian, "کشور").get(0),
        terms(persian, "کشور").get(0));
    assertThat(terms(persian, "از به با در")).isEmpty();
  }
}
