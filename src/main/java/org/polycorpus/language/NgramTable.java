package org.polycorpus.language;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 *
 * <p>Reading and converting Optimaize's 70 profiles takes two seconds of a core, so the build
 * writes the finished table as a resource ({@link NgramTableWriter}), which a JVM reads in a
 * fifth of a second; classes compiled outside the build, without it, build the table from the
 * profiles.
 */
final class NgramTable {
  static final String RESOURCE = "optimaize-ngrams.bin";
  private static final int FORMAT = 1;
  private static final List<Integer> GRAM_LENGTHS = List.of(1, 2, 3);

  private final String[] languages;
  private final long[] keys;
  private final double[][] probabilities;
  private final int mask;

  private NgramTable(String[] languages, long[] keys, double[][] probabilities) {
    this.languages = languages;
    this.keys = keys;
    this.probabilities = probabilities;
    this.mask = keys.length - 1;
  }

  static NgramTable builtIn() {
    return Holder.TABLE;
  }

  /** The table as built from Optimaize's profiles, what the resource holds. */
  static NgramTable fromProfiles() throws IOException {
    // Optimaize's builder collects the profiles in a HashSet, which fixes the order of the
    // languages and so the order in which probabilities are summed: the same set here gives
    // bit-identical results.
    Set<LanguageProfile> set = new HashSet<>(new LanguageProfileReader().readAllBuiltIn());
    NgramFrequencyData data = NgramFrequencyData.create(set, GRAM_LENGTHS);
    String[] languages = data.getLanguageList().stream().map(locale -> locale.getLanguage().toLowerCase(Locale.ROOT))
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
    NgramTable table = new NgramTable(languages, new long[capacity], new double[capacity][]);
    for (String gram : grams) {
      long key = pack(gram, 0, gram.length());
      int slot = table.slot(key);
      table.keys[slot] = key;
      table.probabilities[slot] = data.getProbabilities(gram);
    }
    return table;
  }

  /** Writes the table as {@link #read} reads it: each filled slot with its non-zero probabilities. */
  void write(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(FORMAT);
    data.writeInt(languages.length);
    for (String language : languages) {
      byte[] utf = language.getBytes(StandardCharsets.UTF_8);
      data.writeShort(utf.length);
      data.write(utf);
    }
    data.writeInt(keys.length);
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] == 0) {
        continue;
      }
      double[] values = probabilities[slot];
      int nonZero = 0;
      for (double value : values) {
        nonZero += Double.doubleToRawLongBits(value) != 0 ? 1 : 0;
      }
      data.writeInt(slot);
      data.writeLong(keys[slot]);
      data.writeShort(nonZero);
      for (int language = 0; language < values.length; language++) {
        if (Double.doubleToRawLongBits(values[language]) != 0) {
          data.writeByte(language);
          data.writeLong(Double.doubleToRawLongBits(values[language]));
        }
      }
    }
    data.writeInt(-1);
    data.flush();
  }

  static NgramTable read(InputStream in) throws IOException {
    ByteBuffer data = ByteBuffer.wrap(in.readAllBytes());
    if (data.getInt() != FORMAT) {
      throw new IOException("unknown n-gram table format");
    }
    String[] languages = new String[data.getInt()];
    for (int i = 0; i < languages.length; i++) {
      byte[] utf = new byte[data.getShort()];
      data.get(utf);
      languages[i] = new String(utf, StandardCharsets.UTF_8);
    }
    int capacity = data.getInt();
    long[] keys = new long[capacity];
    double[][] probabilities = new double[capacity][];
    for (int slot = data.getInt(); slot >= 0; slot = data.getInt()) {
      keys[slot] = data.getLong();
      double[] values = new double[languages.length];
      for (int nonZero = data.getShort(); nonZero > 0; nonZero--) {
        values[data.get() & 0xff] = Double.longBitsToDouble(data.getLong());
      }
      probabilities[slot] = values;
    }
    return new NgramTable(languages, keys, probabilities);
  }

  /** Primary language subtags ("de", "zh"), in the order of the probability arrays. */
  String[] languages() {
    return languages;
  }

  /** Each language's probability of the n-gram {@code text[start, start + length)}, or null if unknown. */
  double[] probabilities(CharSequence text, int start, int length) {
    return probabilities[slot(pack(text, start, length))];
  }

  /** The same languages, keys in the same slots and the same probabilities, bit for bit. */
  boolean sameAs(NgramTable other) {
    return Arrays.equals(languages, other.languages) && Arrays.equals(keys, other.keys)
        && Arrays.deepEquals(probabilities, other.probabilities);
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
      try (InputStream resource = NgramTable.class.getResourceAsStream(RESOURCE)) {
        TABLE = resource != null ? read(resource) : fromProfiles();
      } catch (IOException e) {
        throw new UncheckedIOException("Optimaize's built-in language profiles cannot be read", e);
      }
    }
  }
}
