package org.polycorpus.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Unicode NFKC and whitespace normalisation of extracted text, line by line. */
public final class TextCleaner {
  // Controls and invisible format characters other than ZWNJ/ZWJ, which Persian spelling needs.
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B\\u2060\\uFEFF\\u00AD]");
  private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\p{Zs}]+");
  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u000B\\u000C\\u0085]");

  private TextCleaner() {}

  /** NFKC; one space between words; no blank, leading or trailing space on any line. */
  public static String clean(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
    normalised = LINE_BREAK.matcher(normalised).replaceAll("\n");
    normalised = INVISIBLE.matcher(normalised).replaceAll("");
    StringBuilder out = new StringBuilder(normalised.length());
    for (String line : normalised.split("\n")) {
      String tidy = HORIZONTAL_SPACE.matcher(line).replaceAll(" ").strip();
      if (!tidy.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(tidy);
      }
    }
    return out.toString();
  }
}
