package org.polycorpus.stories;

import com.ibm.icu.text.Replaceable;
import com.ibm.icu.text.UTF16;

/**
 * ICU's {@code ReplaceableString} over a StringBuilder. ICU's own wraps a StringBuffer, whose
 * every charAt takes a lock, and a transliterator reads each character many times, once per
 * rule it tries: the locks were a third of transliteration's CPU samples. Same operations,
 * same results. One thread, one text.
 */
final class BuilderReplaceable implements Replaceable {
  private final StringBuilder text;

  BuilderReplaceable(String text) {
    this.text = new StringBuilder(text);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int offset) {
    return text.charAt(offset);
  }

  @Override
  public int char32At(int offset) {
    return UTF16.charAt(text, offset);
  }

  @Override
  public void getChars(int srcStart, int srcLimit, char[] dst, int dstStart) {
    if (srcStart != srcLimit) {
      text.getChars(srcStart, srcLimit, dst, dstStart);
    }
  }

  @Override
  public void replace(int start, int limit, String replacement) {
    text.replace(start, limit, replacement);
  }

  @Override
  public void replace(int start, int limit, char[] chars, int charsStart, int charsLen) {
    text.delete(start, limit);
    text.insert(start, chars, charsStart, charsLen);
  }

  @Override
  public void copy(int start, int limit, int dest) {
    if (start == limit && start >= 0 && start <= text.length()) {
      return;
    }
    char[] copied = new char[limit - start];
    getChars(start, limit, copied, 0);
    replace(dest, dest, copied, 0, limit - start);
  }

  @Override
  public boolean hasMetaData() {
    return false;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
