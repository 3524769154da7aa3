package org.polycorpus.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A text's word shingles hashed as Spark's HashingTF hashes them (binary, 2^22 features) and
 * their MinHash signature as Spark's MinHashLSH computes it for a seed, cut into band keys; in
 * one pass over the tokens. Spark's stages take an array of shingle strings, a sparse vector
 * and a boxed closure per hash function for the same numbers.
 *
 * <p>Returns null for a text of fewer than {@link NearDuplicates#MIN_SHINGLES} shingles.
 */
final class ShingleSignatures implements UDF1<Seq<String>, Row> {
  static final String SET = "shingle_set";
  static final String BANDS = "bands";
  static final StructType SCHEMA = new StructType()
      .add(SET, DataTypes.BinaryType, false)
      .add(BANDS, DataTypes.createArrayType(DataTypes.StringType, false), false);
  static final int FEATURES = 1 << 22;
  /** MinHashLSH's modulus for its hash functions (a * (1 + i) + b) mod p. */
  static final long HASH_PRIME = 2038074743L;
  private static final double INVERSE_PRIME = 1.0 / HASH_PRIME;
  /** HashingTF's Murmur3 seed (Spark's FeatureHasher). */
  static final int HASH_SEED = 42;

  private final int shingle;
  private final long[] multipliers = new long[NearDuplicates.BANDS * NearDuplicates.ROWS];
  private final long[] offsets = new long[multipliers.length];

  ShingleSignatures(int shingle, long seed) {
    this.shingle = shingle;
    // MinHashLSH.fit's draws for its hash functions, in its order.
    Random random = new Random(seed);
    for (int h = 0; h < multipliers.length; h++) {
      multipliers[h] = 1 + random.nextInt((int) HASH_PRIME - 1);
      offsets[h] = random.nextInt((int) HASH_PRIME - 1);
    }
  }

  @Override
  public Row call(Seq<String> tokens) {
    List<String> terms = CollectionConverters.asJava(tokens);
    int shingles = terms.isEmpty() ? 0 : Math.max(1, terms.size() - shingle + 1);
    if (shingles < NearDuplicates.MIN_SHINGLES) {
      return null;
    }
    // HashingTF hashes a shingle's UTF-8 bytes: each token is encoded once, and the shingle's
    // bytes (tokens joined by a space) are laid out in one buffer, not built as a String.
    byte[][] utf8 = new byte[terms.size()][];
    int longest = 0;
    for (int t = 0; t < utf8.length; t++) {
      utf8[t] = terms.get(t).getBytes(StandardCharsets.UTF_8);
      longest = Math.max(longest, utf8[t].length);
    }
    byte[] buffer = new byte[(longest + 1) * shingle];
    int[] set = new int[shingles];
    for (int i = 0; i < shingles; i++) {
      int length = 0;
      for (int t = i; t < Math.min(i + shingle, utf8.length); t++) {
        if (t > i) {
          buffer[length++] = ' ';
        }
        System.arraycopy(utf8[t], 0, buffer, length, utf8[t].length);
        length += utf8[t].length;
      }
      int hash = Murmur3_x86_32.hashUnsafeBytes2(buffer, Platform.BYTE_ARRAY_OFFSET, length, HASH_SEED);
      set[i] = ((hash % FEATURES) + FEATURES) % FEATURES;
    }
    set = distinctSorted(set);
    return RowFactory.create(SortedInts.encode(set), bandKeys(set));
  }

  /** "band:h1,h2,h3," for each band of the signature: equal keys mean equal hashes in that band. */
  private String[] bandKeys(int[] set) {
    String[] keys = new String[NearDuplicates.BANDS];
    StringBuilder key = new StringBuilder();
    for (int band = 0; band < keys.length; band++) {
      key.setLength(0);
      key.append(band).append(':');
      for (int row = 0; row < NearDuplicates.ROWS; row++) {
        key.append(minHash(set, band * NearDuplicates.ROWS + row)).append(',');
      }
      keys[band] = key.toString();
    }
    return keys;
  }

  private long minHash(int[] set, int function) {
    long min = Long.MAX_VALUE;
    for (int index : set) {
      min = Math.min(min, modPrime((1L + index) * multipliers[function] + offsets[function]));
    }
    return min;
  }

  /**
   * {@code x % HASH_PRIME} for 0 <= x < 2^53 (an index below 2^22 times a multiplier below 2^31):
   * the quotient from a double reciprocal is off by at most one, and the remainder is corrected.
   * It takes 45 of them per shingle, and a long division costs several multiplications.
   */
  static long modPrime(long x) {
    long remainder = x - (long) (x * INVERSE_PRIME) * HASH_PRIME;
    if (remainder < 0) {
      return remainder + HASH_PRIME;
    }
    return remainder >= HASH_PRIME ? remainder - HASH_PRIME : remainder;
  }

  private static int[] distinctSorted(int[] values) {
    Arrays.sort(values);
    int distinct = 0;
    for (int i = 0; i < values.length; i++) {
      if (i == 0 || values[i] != values[i - 1]) {
        values[distinct++] = values[i];
      }
    }
    return Arrays.copyOf(values, distinct);
  }
}
