package org.polycorpus.ingest;

import java.text.Normalizer;

/** Unicode NFKC and whitespace normalisation of extracted text, line by line. */
public final class TextCleaner {
  private static final byte KEPT = 0;
  private static final byte SPACE = 1;
  private static final byte LINE_BREAK = 2;
  private static final byte INVISIBLE = 3;

  /**
   * What each UTF-16 unit is, found once per process: two Unicode category lookups per character
   * were a third of cleaning a page.
   */
  private static final byte[] KINDS = new byte[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char unit = (char) c;
      KINDS[c] = isLineBreak(unit) ? LINE_BREAK : isSpace(unit) ? SPACE : isInvisible(unit) ? INVISIBLE : KEPT;
    }
  }

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
    // Rewritten in place, never ahead of where it is read: a space or line break written
    // always stands for one read and dropped.
    char[] chars = Normalizer.normalize(text, Normalizer.Form.NFKC).toCharArray();
    int length = 0;
    boolean lineBreak = false; // since the last character kept
    boolean space = false; // since the last character kept, on the same line
    for (char c : chars) {
      byte kind = KINDS[c];
      if (kind == LINE_BREAK) {
        lineBreak = length > 0;
        space = false;
      } else if (kind == SPACE) {
        space = length > 0 && !lineBreak;
      } else if (kind == KEPT) {
        if (lineBreak) {
          chars[length++] = '\n';
        } else if (space) {
          chars[length++] = ' ';
        }
        lineBreak = false;
        space = false;
        chars[length++] = c;
      }
    }
    return new String(chars, 0, length);
  }

  private static boolean isSpace(char c) {
    return c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\u000C' || c == '\u0085';
  }

  private static boolean isInvisible(char c) {
    return Character.getType(c) == Character.CONTROL || c == '\u200B' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
  }
}
