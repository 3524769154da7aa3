package org.polycorpus.language;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import com.optimaize.langdetect.ngram.NgramExtractors;

/**
 * Optimaize's language detection (Nakatani's naive Bayes over randomly sampled character
 * n-grams) as Tika's OptimaizeLangDetector configures it, with the same random draws and the
 * same arithmetic, so its probabilities are bit-identical to Tika's. Three things make it
 * cheaper: n-grams are found by position in the text instead of as substrings in a map,
 * {@link #other} ends once no other language can reach the confidence asked for, and it
 * remembers the answer for texts it had to sample in full (see {@link SampledInFull}).
 * Not thread-safe: one per task.
 */
final class NgramSampler {
  private static final int TRIALS = 7;
  private static final int MAX_SAMPLES = 1000;
  private static final int CHECK_EVERY = 5;
  private static final double CONVERGED = 0.99999;
  private static final double ALPHA = 0.5;
  private static final double ALPHA_WIDTH = 0.05;
  private static final double BASE_FREQUENCY = 10_000;
  private static final long SEED = 41;
  /** Tika's setting: texts up to this length take every n-gram once, in order, not samples. */
  private static final int SHORT_TEXT = 30;
  /** Optimaize drops languages below this probability from its results. */
  private static final double REPORTED = 0.1;
  /** Room for Tika's rounding of the probability to float. */
  private static final double FLOAT_ROOM = 1e-6;
  /** Tika adds longer texts in pieces of this many chars, each followed by a space. */
  private static final int TIKA_PIECE = 4096;
  /** {@link #probabilities} stopped before its last trial: no language but the document's can win. */
  private static final double[] SETTLED = new double[0];

  private final NgramTable table = NgramTable.builtIn();
  private final String[] languages = table.languages();
  private final int maxChars;
  private final SampledInFull sampledInFull = new SampledInFull();
  private int[] gramStarts = new int[64];

  /** {@code maxChars}: as Tika's detector is built with, after which it takes no more text. */
  NgramSampler(int maxChars) {
    this.maxChars = maxChars;
  }

  /** A language and its probability, as Tika reports it (rounded to float). */
  record Best(String language, double probability) {}

  /** The most probable language of {@code text}, or null when Optimaize would report none. */
  Best best(String text) {
    double[] probabilities = probabilities(text, null, 0);
    return probabilities == null ? null : best(probabilities);
  }

  /**
   * Another language than {@code language} when {@link #best} would find one at
   * {@code minConfidence} or more; null otherwise. The trials stop as soon as no other
   * language can get there.
   */
  Best other(String text, String language, double minConfidence) {
    Optional<Best> known = sampledInFull.get(text);
    Best best;
    if (known != null) {
      best = known.orElse(null);
    } else {
      double[] probabilities = probabilities(text, language, minConfidence);
      if (probabilities == SETTLED) {
        return null;
      }
      best = probabilities == null ? null : best(probabilities);
      sampledInFull.put(text, best);
    }
    return best == null || best.language().equals(language) || best.probability() < minConfidence ? null : best;
  }

  private Best best(double[] probabilities) {
    int top = -1;
    for (int i = 0; i < probabilities.length; i++) {
      if (probabilities[i] >= REPORTED && (top < 0 || probabilities[i] > probabilities[top])) {
        top = i;
      }
    }
    return top < 0 ? null : new Best(languages[top], (float) probabilities[top]);
  }

  /**
   * The text as Tika hands it to Optimaize: in pieces, each followed by a space, until it holds
   * {@code maxChars}.
   */
  private String tikaText(String text) {
    if (text.length() < TIKA_PIECE) {
      return text + ' ';
    }
    StringBuilder pieces = new StringBuilder(text.length() + text.length() / TIKA_PIECE + 1);
    for (int start = 0; start < text.length() && pieces.length() < maxChars; start += TIKA_PIECE) {
      pieces.append(text, start, Math.min(start + TIKA_PIECE, text.length())).append(' ');
    }
    return pieces.toString();
  }

  /**
   * Averaged probabilities per language, or null without n-grams. With {@code stay} set, returns
   * {@link #SETTLED} once no language but {@code stay} can reach {@code minConfidence} before the
   * last trial.
   */
  private double[] probabilities(String text, String stay, double minConfidence) {
    String tikaText = tikaText(text);
    if (tikaText.length() <= SHORT_TEXT) {
      return shortTextProbabilities(tikaText);
    }
    // Optimaize pads with a space where there is none; Tika's text ends with one.
    String padded = tikaText.charAt(0) == ' ' ? tikaText : ' ' + tikaText;
    int grams = collectGrams(padded);
    if (grams == 0) {
      return null;
    }
    double[] average = new double[languages.length];
    Random random = new Random(SEED);
    for (int trial = 0; trial < TRIALS; trial++) {
      double[] probability = uniform();
      double alpha = ALPHA + random.nextGaussian() * ALPHA_WIDTH;
      double weight = alpha / BASE_FREQUENCY;
      for (int sample = 0; sample < MAX_SAMPLES; sample++) {
        int gram = gramStarts[random.nextInt(grams)];
        multiply(probability, table.probabilities(padded, gram & 0x3fffffff, (gram >>> 30) + 1), weight);
        if (sample % CHECK_EVERY == 0 && normalize(probability) > CONVERGED) {
          break;
        }
      }
      for (int i = 0; i < average.length; i++) {
        average[i] += probability[i] / TRIALS;
      }
      if (stay != null && trial + 1 < TRIALS && settled(average, trial + 1, stay, minConfidence)) {
        return SETTLED;
      }
    }
    return average;
  }

  /**
   * Every distinct n-gram once, as often as it occurs, in order of first occurrence: no
   * sampling, and a stop once one language is all but certain.
   */
  private double[] shortTextProbabilities(String tikaText) {
    Map<String, Integer> grams = NgramExtractors.standard().extractCountedGrams(tikaText);
    if (grams.isEmpty()) {
      return null;
    }
    double[] probability = uniform();
    double weight = ALPHA / BASE_FREQUENCY;
    for (Map.Entry<String, Integer> gram : grams.entrySet()) {
      double[] known = table.probabilities(gram.getKey(), 0, gram.getKey().length());
      for (int times = 0; times < gram.getValue(); times++) {
        multiply(probability, known, weight);
      }
      if (normalize(probability) > CONVERGED) {
        break;
      }
    }
    normalize(probability);
    return probability;
  }

  /** True when no language but {@code stay} can average {@code minConfidence} over all trials. */
  private boolean settled(double[] average, int trials, String stay, double minConfidence) {
    double rest = (double) (TRIALS - trials) / TRIALS;
    for (int i = 0; i < average.length; i++) {
      if (!languages[i].equals(stay) && average[i] + rest >= minConfidence - FLOAT_ROOM) {
        return false;
      }
    }
    return true;
  }

  /**
   * Optimaize's n-grams in its order: 1-grams that are not a space, every 2-gram, 3-grams
   * without a space in the middle. Each is its start, with its length minus one in the top bits.
   */
  private int collectGrams(String padded) {
    int length = padded.length();
    int count = 0;
    ensureCapacity(3 * length);
    for (int i = 0; i < length; i++) {
      if (padded.charAt(i) != ' ') {
        gramStarts[count++] = i;
      }
    }
    for (int i = 0; i + 1 < length; i++) {
      gramStarts[count++] = i | 1 << 30;
    }
    for (int i = 0; i + 2 < length; i++) {
      if (padded.charAt(i + 1) != ' ') {
        gramStarts[count++] = i | 2 << 30;
      }
    }
    return count;
  }

  private void ensureCapacity(int size) {
    if (gramStarts.length < size) {
      gramStarts = new int[Math.max(size, 2 * gramStarts.length)];
    }
  }

  private double[] uniform() {
    double[] probability = new double[languages.length];
    for (int i = 0; i < probability.length; i++) {
      probability[i] = 1.0 / languages.length;
    }
    return probability;
  }

  /** An n-gram no profile knows changes nothing. */
  private static void multiply(double[] probability, double[] gram, double weight) {
    if (gram == null) {
      return;
    }
    for (int i = 0; i < probability.length; i++) {
      probability[i] *= weight + gram[i];
    }
  }

  /** Scales to a sum of 1; returns the largest probability. */
  private static double normalize(double[] probability) {
    double sum = 0;
    for (double p : probability) {
      sum += p;
    }
    double max = 0;
    for (int i = 0; i < probability.length; i++) {
      probability[i] /= sum;
      max = Math.max(max, probability[i]);
    }
    return max;
  }

  /**
   * Answers for texts sampled through every trial, up to a budget of characters, the least
   * recently used dropped first. A line is sampled in full when a language other than its
   * document's comes near the confidence asked for: quoted or untranslated passages and code,
   * which recur across a corpus (in each translation of a manual, in each copy of a wire story).
   * The answer, Tika's best language, does not depend on the document's language, so a repeat is
   * answered without sampling. Lines settled early are cheap and not kept.
   */
  private static final class SampledInFull {
    private static final int MAX_CHARS = 1 << 20;

    private final LinkedHashMap<String, Optional<Best>> answers = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;

    /** The answer for {@code text}, empty for none; null when it was not sampled in full lately. */
    Optional<Best> get(String text) {
      return answers.get(text);
    }

    void put(String text, Best best) {
      if (answers.put(text, Optional.ofNullable(best)) == null) {
        chars += text.length();
      }
      for (Iterator<String> oldest = answers.keySet().iterator(); chars > MAX_CHARS && oldest.hasNext(); ) {
        chars -= oldest.next().length();
        oldest.remove();
      }
    }
  }
}
