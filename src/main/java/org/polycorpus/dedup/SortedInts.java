package org.polycorpus.dedup;

import java.io.ByteArrayOutputStream;

/**
 * A sorted set of non-negative ints as bytes: its size, then the gaps between its values, each a
 * varint. A shingle set is one binary value to Spark and Parquet, not an array of boxed
 * elements, and a set of hash indices below 2^22 takes two bytes or so per shingle.
 */
final class SortedInts {
  private SortedInts() {}

  static byte[] encode(int[] sorted) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(2 + 2 * sorted.length);
    writeVarint(bytes, sorted.length);
    int previous = 0;
    for (int value : sorted) {
      writeVarint(bytes, value - previous);
      previous = value;
    }
    return bytes.toByteArray();
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

  private static void writeVarint(ByteArrayOutputStream bytes, int value) {
    while ((value & ~0x7F) != 0) {
      bytes.write((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes.write(value);
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
