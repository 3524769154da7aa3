package org.polycorpus.language;

import java.util.List;
import java.util.Locale;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Tika's Optimaize detector behind a small interface that caps input length, with Chinese,
 * Japanese and Korean decided by script ({@link CjkScripts}). Not thread-safe and not
 * serializable: one per task.
 */
public final class LanguageGuess {
  /** ISO 639-3 "undetermined": too little text, or no language above the confidence floor. */
  public static final String UNDETERMINED = "und";

  private final OptimaizeLangDetector detector;
  private final int maxChars;

  public LanguageGuess(int maxChars) {
    this.detector = new OptimaizeLangDetector(maxChars);
    this.detector.loadModels();
    this.maxChars = maxChars;
  }

  /** The best language and its probability; {@link #UNDETERMINED} below {@code minConfidence}. */
  public Result detect(String text, double minConfidence) {
    if (text == null || text.isBlank()) {
      return new Result(UNDETERMINED, 0.0);
    }
    String sample = text.length() > maxChars ? text.substring(0, maxChars) : text;
    Result cjk = CjkScripts.classify(sample);
    if (cjk != null) {
      return cjk.confidence() < minConfidence ? new Result(UNDETERMINED, cjk.confidence()) : cjk;
    }
    detector.reset();
    detector.addText(sample);
    List<LanguageResult> results = detector.detectAll();
    if (results.isEmpty() || results.get(0).isUnknown()) {
      return new Result(UNDETERMINED, 0.0);
    }
    LanguageResult best = results.get(0);
    double confidence = best.getRawScore();
    return confidence < minConfidence
        ? new Result(UNDETERMINED, confidence)
        : new Result(primarySubtag(best.getLanguage()), confidence);
  }

  /** "zh-CN" -> "zh": analyzers and output partitions are per language, not per region. */
  static String primarySubtag(String tag) {
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }

  public record Result(String language, double confidence) {}
}
