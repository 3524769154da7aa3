package org.polycorpus.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Accuracy per language on short and long texts, and throughput, of Tika's Optimaize detector
 * (what the job runs) and of Lingua, on {@link HandbookSamples}.
 */
final class LanguageIdEvaluation {
  /** A detector under evaluation: text in, ISO 639-1 code (or "und") out. */
  record Candidate(String name, UnaryOperator<String> detector) {}

  record Score(int correct, int total) {
    double accuracy() { return total == 0 ? Double.NaN : (double) correct / total; }
    Score plus(boolean right) { return new Score(correct + (right ? 1 : 0), total + 1); }
  }

  /** One detector's results: per language short and long scores, and characters per second. */
  record Result(String detector, Map<String, Score> shortTexts, Map<String, Score> longTexts, double charsPerSecond) {
    double macroAccuracy(boolean isShort) {
      return (isShort ? shortTexts : longTexts).values().stream().mapToDouble(Score::accuracy).average().orElse(0);
    }
  }

  private LanguageIdEvaluation() {}

  /** What the job runs: Optimaize, with CJK decided by script. */
  static Candidate job() {
    LanguageGuess guess = new LanguageGuess(10_000);
    return new Candidate("job (optimaize+cjk)", text -> HandbookSamples.normalise(guess.detect(text, 0.0).language()));
  }

  /** Tika's Optimaize detector alone, as Tika ships it. */
  static Candidate plainOptimaize() {
    var detector = new org.apache.tika.langdetect.optimaize.OptimaizeLangDetector(10_000);
    detector.loadModels();
    return new Candidate("optimaize", text -> {
      detector.reset();
      detector.addText(text);
      var best = detector.detect();
      return best.isUnknown() ? LanguageGuess.UNDETERMINED
          : HandbookSamples.normalise(primarySubtag(best.getLanguage()));
    });
  }

  /** "zh-CN" -> "zh". */
  private static String primarySubtag(String tag) {
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }

  static Candidate lingua(boolean lowAccuracy) {
    var builder = LanguageDetectorBuilder.fromAllLanguages();
    var detector = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
    return new Candidate(lowAccuracy ? "lingua-low" : "lingua", text -> {
      Language language = detector.detectLanguageOf(text);
      return language == Language.UNKNOWN ? LanguageGuess.UNDETERMINED
          : HandbookSamples.normalise(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT));
    });
  }

  /** Runs every sample once to warm up (models load lazily), then again, timed. */
  static Result evaluate(Candidate candidate, List<HandbookSamples.Sample> samples) {
    samples.forEach(sample -> candidate.detector().apply(sample.text()));
    Map<String, Score> shortTexts = new TreeMap<>();
    Map<String, Score> longTexts = new TreeMap<>();
    long chars = 0;
    long started = System.nanoTime();
    for (HandbookSamples.Sample sample : samples) {
      boolean right = sample.language().equals(candidate.detector().apply(sample.text()));
      (sample.isShort() ? shortTexts : longTexts).merge(sample.language(), new Score(right ? 1 : 0, 1),
          (a, b) -> a.plus(right));
      chars += sample.text().length();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result(candidate.name(), shortTexts, longTexts, chars / seconds);
  }

  /** A Markdown table: one row per language, then the macro averages and throughput. */
  static String table(List<Result> results) {
    StringBuilder out = new StringBuilder("| language |");
    for (Result result : results) {
      out.append(' ').append(result.detector()).append(" short | ").append(result.detector()).append(" long |");
    }
    out.append("\n|---|").append("---|---|".repeat(results.size())).append('\n');
    for (String language : results.get(0).longTexts().keySet()) {
      out.append("| ").append(language).append(" |");
      for (Result result : results) {
        out.append(' ').append(percent(result.shortTexts().get(language))).append(" | ")
            .append(percent(result.longTexts().get(language))).append(" |");
      }
      out.append('\n');
    }
    out.append("| **mean** |");
    for (Result result : results) {
      out.append(String.format(Locale.ROOT, " **%.1f** | **%.1f** |", 100 * result.macroAccuracy(true),
          100 * result.macroAccuracy(false)));
    }
    out.append("\n| chars/s |");
    for (Result result : results) {
      out.append(String.format(Locale.ROOT, " %,.0f | |", result.charsPerSecond()));
    }
    return out.append('\n').toString();
  }

  static List<String> counts(List<HandbookSamples.Sample> samples) {
    long shortCount = samples.stream().filter(HandbookSamples.Sample::isShort).count();
    long languages = samples.stream().map(HandbookSamples.Sample::language).distinct().count();
    return new ArrayList<>(List.of(languages + " languages", shortCount + " short texts",
        (samples.size() - shortCount) + " long texts"));
  }

  private static String percent(Score score) {
    return score == null ? "–" : String.format(Locale.ROOT, "%.1f (%d)", 100 * score.accuracy(), score.total());
  }
}
