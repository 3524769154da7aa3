package org.polycorpus.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polycorpus.analysis.AnalyzerAssertions.assertSameTerm;
import static org.polycorpus.analysis.AnalyzerAssertions.assertTerms;
import static org.polycorpus.analysis.AnalyzerAssertions.terms;

import org.junit.jupiter.api.Test;

class ArabicTextAnalyzerTest {
  private final ArabicTextAnalyzer arabic = new ArabicTextAnalyzer();

  @Test
  void foldsLetterVariantsIntoOneTerm() {
    assertSameTerm(arabic, "احمد", "أحمد"); // hamza above alef
    assertSameTerm(arabic, "اسلام", "إسلام"); // hamza below alef
    assertSameTerm(arabic, "امن", "آمن"); // alef madda
    assertSameTerm(arabic, "مدرسه", "مدرسة"); // teh marbuta
    assertSameTerm(arabic, "مستشفي", "مستشفى"); // alef maqsura
    assertSameTerm(arabic, "كتاب", "کتاب"); // Persian keheh
    assertSameTerm(arabic, "سياسي", "سیاسی"); // Persian yeh
  }

  @Test
  void stripsDiacriticsTatweelAndZwnj() {
    assertSameTerm(arabic, "كتب", "كَتَبَ"); // harakat
    assertSameTerm(arabic, "كتاب", "كتـــاب"); // tatweel
    assertSameTerm(arabic, "كتاب", "كتا\u200Cب"); // a stray ZWNJ
  }

  @Test
  void stemsPrefixesAndSuffixes() {
    assertSameTerm(arabic, "كتاب", "الكتاب"); // definite article
    assertSameTerm(arabic, "كتاب", "والكتاب"); // conjunction + article
    assertSameTerm(arabic, "معلم", "معلمات"); // feminine plural suffix
    assertSameTerm(arabic, "معلم", "معلمون"); // masculine plural suffix
  }

  @Test
  void removesStopwordsInAnySpelling() {
    assertTerms(arabic, "في المغرب", "مغرب");
    assertTerms(arabic, "فی المغرب", "مغرب"); // Persian yeh in a stopword
    assertTerms(arabic, "فِي المغرب", "مغرب"); // diacritics on a stopword
    assertTerms(arabic, "والذي زار", "زار"); // a stopword with clitics leaves no stem
    assertTerms(arabic, "وهذه زيارة", "زيار"); // likewise
  }

  @Test
  void normalisedStopwordListIsBundled() {
    assertThat(ArabicTextAnalyzer.normalisedStopwords()).hasSizeGreaterThan(80);
    assertThat(ArabicTextAnalyzer.normalisedStopwords().contains("في")).isTrue();
    assertThat(terms(arabic, "")).isEmpty();
  }
}
