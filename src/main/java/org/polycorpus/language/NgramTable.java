package org.polycorpus.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.optimaize.langdetect.NgramFrequencyData;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;

/**
 * Optimaize's built-in profiles: each character n-gram (1 to 3 chars) with its probability in
 * every language, found by the n-gram's chars packed into a long. Optimaize keys a HashMap by
 * String, so every sampled n-gram of every text is a substring to allocate, hash and compare.
 * Built once per JVM and read by any number of threads.
 */
final class NgramTable {
  private static final List<Integer> GRAM_LENGTHS = List.of(1, 2, 3);

  private final String[] languages;
  private final long[] keys;
  private final double[][] probabilities;
  private final int mask;

  private NgramTable(List<LanguageProfile> profiles) {
    // Optimaize's builder collects the profiles in a HashSet, which fixes the order of the
    // languages and so the order in which probabilities are summed: the same set here gives
    // bit-identical results.
    Set<LanguageProfile> set = new HashSet<>(profiles);
    NgramFrequencyData data = NgramFrequencyData.create(set, GRAM_LENGTHS);
    languages = data.getLanguageList().stream().map(locale -> locale.getLanguage().toLowerCase(Locale.ROOT))
        .toArray(String[]::new);
    Set<String> grams = new HashSet<>();
    for (LanguageProfile profile : set) {
      for (int length : GRAM_LENGTHS) {
        for (Map.Entry<String, Integer> gram : profile.iterateGrams(length)) {
          grams.add(gram.getKey());
        }
      }
    }
    int capacity = Integer.highestOneBit(grams.size() * 3) << 1;
    keys = new long[capacity];
    probabilities = new double[capacity][];
    mask = capacity - 1;
    for (String gram : grams) {
      long key = pack(gram, 0, gram.length());
      int slot = slot(key);
      keys[slot] = key;
      probabilities[slot] = data.getProbabilities(gram);
    }
  }

  static NgramTable builtIn() {
    return Holder.TABLE;
  }

  /** Primary language subtags ("de", "zh"), in the order of the probability arrays. */
  String[] languages() {
    return languages;
  }

  /** Each language's probability of the n-gram {@code text[start, start + length)}, or null if unknown. */
  double[] probabilities(CharSequence text, int start, int length) {
    return probabilities[slot(pack(text, start, length))];
  }

  private int slot(long key) {
    int slot = (int) (mix(key) & mask);
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Length in the low 2 bits, then 16 bits per char: never 0, so 0 marks an empty slot. */
  private static long pack(CharSequence text, int start, int length) {
    long key = length;
    for (int i = 0; i < length; i++) {
      key |= (long) text.charAt(start + i) << (2 + 16 * i);
    }
    return key;
  }

  private static long mix(long key) {
    key ^= key >>> 33;
    key *= 0xff51afd7ed558ccdL;
    return key ^ (key >>> 33);
  }

  private static final class Holder {
    private static final NgramTable TABLE;

    static {
      try {
        TABLE = new NgramTable(new LanguageProfileReader().readAllBuiltIn());
      } catch (IOException e) {
        throw new UncheckedIOException("Optimaize's built-in language profiles cannot be read", e);
      }
    }
  }
}
