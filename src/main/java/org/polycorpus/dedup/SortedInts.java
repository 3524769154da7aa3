package org.polycorpus.dedup;

import java.util.Arrays;

/**
 * A sorted set of non-negative ints as bytes: its size, then the gaps between its values, each a
 * varint. A shingle set is one binary value to Spark and Parquet, not an array of boxed
 * elements, and a set of hash indices below 2^22 takes two bytes or so per shingle.
 */
final class SortedInts {
  private static final int MAX_VARINT_BYTES = 5;

  private SortedInts() {}

  static byte[] encode(int[] sorted) {
    byte[] bytes = new byte[MAX_VARINT_BYTES * (1 + sorted.length)];
    int length = writeVarint(bytes, 0, sorted.length);
    int previous = 0;
    for (int value : sorted) {
      length = writeVarint(bytes, length, value - previous);
      previous = value;
    }
    return Arrays.copyOf(bytes, length);
  }

  static int[] decode(byte[] bytes) {
    int[] position = {0};
    int[] values = new int[readVarint(bytes, position)];
    int previous = 0;
    for (int i = 0; i < values.length; i++) {
      previous += readVarint(bytes, position);
      values[i] = previous;
    }
    return values;
  }

  /** Writes {@code value} at {@code at}; returns the position after it. */
  private static int writeVarint(byte[] bytes, int at, int value) {
    while ((value & ~0x7F) != 0) {
      bytes[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[at++] = (byte) value;
    return at;
  }

  private static int readVarint(byte[] bytes, int[] position) {
    int value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[position[0]++];
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }
}
