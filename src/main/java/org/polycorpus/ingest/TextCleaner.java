package org.polycorpus.ingest;

import java.text.Normalizer;

/** Unicode NFKC and whitespace normalisation of extracted text, line by line. */
public final class TextCleaner {
  private TextCleaner() {}

  /**
   * NFKC; one space between words; no blank, leading or trailing space on any line. Controls
   * and invisible format characters go, except ZWNJ/ZWJ, which Persian spelling needs. One pass
   * over the text: this runs on every extracted file.
   */
  public static String clean(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
    char[] out = new char[normalised.length()];
    int length = 0;
    boolean lineBreak = false; // since the last character kept
    boolean space = false; // since the last character kept, on the same line
    for (int i = 0; i < normalised.length(); i++) {
      char c = normalised.charAt(i);
      if (isLineBreak(c)) {
        lineBreak = length > 0;
        space = false;
      } else if (isSpace(c)) {
        space = length > 0 && !lineBreak;
      } else if (!isInvisible(c)) {
        if (lineBreak) {
          out[length++] = '\n';
        } else if (space) {
          out[length++] = ' ';
        }
        lineBreak = false;
        space = false;
        out[length++] = c;
      }
    }
    return new String(out, 0, length);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c >= 0x80 && Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\u000C' || c == '\u0085';
  }

  /** ASCII letters, digits and punctuation are answered without a Unicode table lookup. */
  private static boolean isInvisible(char c) {
    if (c < 0x80) {
      return c < 0x20 || c == 0x7F;
    }
    return Character.getType(c) == Character.CONTROL || c == '\u200B' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
  }
}
