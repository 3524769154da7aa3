package org.polycorpus.analysis;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The analyzer for each language code (ISO 639-1, as the language detector reports it).
 * Every language lucene-analysis-common covers gets its Lucene analyzer; Arabic and Persian get
 * the rearranged chains of this package; any other language gets {@link FallbackAnalyzer}.
 * Analyzers are not serializable: build them where the text is, one per task and language.
 */
public final class LanguageAnalyzers {
  private static final Map<String, Supplier<Analyzer>> BY_LANGUAGE = Map.ofEntries(
      Map.entry("ar", ArabicTextAnalyzer::new),
      Map.entry("bg", BulgarianAnalyzer::new),
      Map.entry("bn", BengaliAnalyzer::new),
      Map.entry("ca", CatalanAnalyzer::new),
      Map.entry("ckb", SoraniAnalyzer::new),
      Map.entry("cs", CzechAnalyzer::new),
      Map.entry("da", DanishAnalyzer::new),
      Map.entry("de", GermanAnalyzer::new),
      Map.entry("el", GreekAnalyzer::new),
      Map.entry("en", EnglishAnalyzer::new),
      Map.entry("es", SpanishAnalyzer::new),
      Map.entry("et", EstonianAnalyzer::new),
      Map.entry("eu", BasqueAnalyzer::new),
      Map.entry("fa", PersianTextAnalyzer::new),
      Map.entry("fi", FinnishAnalyzer::new),
      Map.entry("fr", FrenchAnalyzer::new),
      Map.entry("ga", IrishAnalyzer::new),
      Map.entry("gl", GalicianAnalyzer::new),
      Map.entry("hi", HindiAnalyzer::new),
      Map.entry("hu", HungarianAnalyzer::new),
      Map.entry("hy", ArmenianAnalyzer::new),
      Map.entry("id", IndonesianAnalyzer::new),
      Map.entry("it", ItalianAnalyzer::new),
      Map.entry("ja", CJKAnalyzer::new),
      Map.entry("ko", CJKAnalyzer::new),
      Map.entry("lt", LithuanianAnalyzer::new),
      Map.entry("lv", LatvianAnalyzer::new),
      Map.entry("ne", NepaliAnalyzer::new),
      Map.entry("nl", DutchAnalyzer::new),
      Map.entry("no", NorwegianAnalyzer::new),
      Map.entry("pt", PortugueseAnalyzer::new),
      Map.entry("ro", RomanianAnalyzer::new),
      Map.entry("ru", RussianAnalyzer::new),
      Map.entry("sr", SerbianAnalyzer::new),
      Map.entry("sv", SwedishAnalyzer::new),
      Map.entry("ta", TamilAnalyzer::new),
      Map.entry("te", TeluguAnalyzer::new),
      Map.entry("th", ThaiAnalyzer::new),
      Map.entry("tr", TurkishAnalyzer::new),
      Map.entry("zh", CJKAnalyzer::new));

  private LanguageAnalyzers() {}

  /** A new analyzer for the language; {@link FallbackAnalyzer} for languages Lucene lacks. */
  public static Analyzer create(String language) {
    return BY_LANGUAGE.getOrDefault(language, FallbackAnalyzer::new).get();
  }

  /**
   * Loads every analyzer's classes, stopwords and stemmer tables by analysing a few words with
   * each, as a task does: a JVM does this once, then each task builds its analyzers cheaply.
   */
  public static void warmUp() {
    Set<String> languages = dedicatedLanguages();
    languages.add("und");  // no analyzer of its own: the fallback's
    for (String language : languages) {
      try (Analyzer analyzer = create(language)) {
        Tokens.analyzeWithSurfaces(analyzer, "Running houses, 2024.", 1, 100);
      }
    }
  }

  public static Set<String> dedicatedLanguages() {
    return new TreeSet<>(BY_LANGUAGE.keySet());
  }

  /** The stopword set the language's analyzer removes (empty for the fallback). */
  public static CharArraySet stopwords(String language) {
    if ("ar".equals(language)) {
      return ArabicTextAnalyzer.normalisedStopwords();
    }
    if ("fa".equals(language)) {
      return org.apache.lucene.analysis.fa.PersianAnalyzer.getDefaultStopSet();
    }
    try (Analyzer analyzer = create(language)) {
      return analyzer instanceof StopwordAnalyzerBase stopwordAnalyzer
          ? stopwordAnalyzer.getStopwordSet()
          : CharArraySet.EMPTY_SET;
    }
  }
}
