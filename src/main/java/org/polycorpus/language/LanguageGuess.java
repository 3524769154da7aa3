package org.polycorpus.language;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Optimaize's detection as Tika configures it ({@link NgramSampler}) behind a small interface
 * that caps input length, with Chinese, Japanese and Korean decided by script
 * ({@link CjkScripts}). Not thread-safe and not serializable: one per task.
 */
public final class LanguageGuess {
  /** ISO 639-3 "undetermined": too little text, or no language above the confidence floor. */
  public static final String UNDETERMINED = "und";
  private static final AtomicBoolean PROFILES_LOADING = new AtomicBoolean();

  private final NgramSampler sampler;
  private final int maxChars;

  public LanguageGuess(int maxChars) {
    this.sampler = new NgramSampler(maxChars);
    this.maxChars = maxChars;
  }

  /**
   * Starts loading the n-gram table of Optimaize's profiles ({@link NgramTable}) on a daemon
   * thread, once per JVM: called while files are parsed, so that the first detection finds it
   * loaded instead of holding every task of the stage while one loads it.
   */
  public static void loadProfilesInBackground() {
    if (PROFILES_LOADING.compareAndSet(false, true)) {
      Thread loader = new Thread(NgramTable::builtIn, "polycorpus-language-profiles");
      loader.setDaemon(true);
      loader.start();
    }
  }

  /** Loads the n-gram table on this thread now, unless it is loading or loaded. */
  public static void loadProfiles() {
    if (PROFILES_LOADING.compareAndSet(false, true)) {
      NgramTable.builtIn();
    }
  }

  /** The best language and its probability; {@link #UNDETERMINED} below {@code minConfidence}. */
  public Result detect(String text, double minConfidence) {
    if (text == null || text.isBlank()) {
      return new Result(UNDETERMINED, 0.0);
    }
    String sample = sample(text);
    Result cjk = CjkScripts.classify(sample);
    if (cjk != null) {
      return cjk.confidence() < minConfidence ? new Result(UNDETERMINED, cjk.confidence()) : cjk;
    }
    NgramSampler.Best best = sampler.best(sample);
    if (best == null) {
      return new Result(UNDETERMINED, 0.0);
    }
    return best.probability() < minConfidence
        ? new Result(UNDETERMINED, best.probability())
        : new Result(best.language(), best.probability());
  }

  /**
   * {@code language}, unless {@link #detect} finds another language at {@code minConfidence} or
   * more: then that one. Cheaper than detect when the text is in {@code language}, as most
   * lines of a document are.
   */
  public String detectOther(String text, String language, double minConfidence) {
    if (text == null || text.isBlank()) {
      return language;
    }
    String sample = sample(text);
    Result cjk = CjkScripts.classify(sample);
    if (cjk != null) {
      return cjk.confidence() < minConfidence ? language : cjk.language();
    }
    NgramSampler.Best other = sampler.other(sample, language, minConfidence);
    return other == null ? language : other.language();
  }

  private String sample(String text) {
    return text.length() > maxChars ? text.substring(0, maxChars) : text;
  }

  public record Result(String language, double confidence) {}
}
