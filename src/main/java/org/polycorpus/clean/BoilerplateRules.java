package org.polycorpus.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Line-level boilerplate rules. A line is boilerplate when it is a news-site template line
 * (headline ticker, navigation, social prompt, comment counter, bare punctuation), when its
 * {@linkplain #lineKey key} repeats across documents (learned by {@link BoilerplateRemover}),
 * or when it repeats an earlier line of the same document (headlines printed twice).
 */
public final class BoilerplateRules {
  /** Template lines are short; longer lines are prose even when they match a pattern's start. */
  static final int MAX_TEMPLATE_LINE_CHARS = 200;

  private static final List<Pattern> TEMPLATE_LINES = List.of(
      // Headline ticker: a clock time glued to a headline, "- 09:01Warum ..." or "09:01Warum ...".
      Pattern.compile("^[-–—•*·]\\s*\\d{1,2}[:.]\\d{2}\\s*\\S.*|^\\d{1,2}:\\d{2}\\p{L}.*"),
      // Navigation between articles.
      Pattern.compile("^(prev|next|previous|zurück|weiter|vorheriger artikel|nächster artikel"
          + "|article précédent|article suivant|السابق|التالي|قبلی|بعدی)\\b.*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
      // Social prompts.
      Pattern.compile("^(folgen sie uns|follow us|share (on|this)|teilen auf|suivez-nous|تابعونا|ما را دنبال کنید).*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
      // Comment counters, "Kommentare (0)".
      Pattern.compile("^\\p{L}+\\s*\\(\\d+\\)$"),
      // Separators: a line of punctuation or symbols only.
      Pattern.compile("^[\\p{P}\\p{S}\\s]+$"));

  private BoilerplateRules() {}

  public static boolean isTemplateLine(String line) {
    if (line.length() > MAX_TEMPLATE_LINE_CHARS) {
      return false;
    }
    for (Pattern pattern : TEMPLATE_LINES) {
      if (pattern.matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lines that differ only in case or digits ("Kommentare (0)", "Kommentare (3)") share a key:
   * lower-cased, ASCII digits (what the regular expression {@code \d} matches) made 0. Every line
   * of every document is keyed twice, and {@code replaceAll} compiled its expression each time.
   */
  public static String lineKey(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    char[] chars = null;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= '1' && c <= '9') {
        if (chars == null) {
          chars = lower.toCharArray();
        }
        chars[i] = '0';
      }
    }
    return chars == null ? lower : new String(chars);
  }

  /** The distinct keys of a text's lines of at most {@code maxLineChars} characters. */
  public static List<String> distinctLineKeys(String text, int maxLineChars) {
    Set<String> keys = new HashSet<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty() && line.length() <= maxLineChars) {
        keys.add(lineKey(line));
      }
    }
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    return sorted;
  }

  /** The text without its boilerplate lines, and how many characters were removed. */
  public static Cleaned remove(String text, Set<String> repeatedKeys) {
    StringBuilder body = new StringBuilder(text.length());
    Set<String> seen = new HashSet<>();
    int removed = 0;
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String key = lineKey(line);
      boolean boilerplate = isTemplateLine(line) || repeatedKeys.contains(key) || !seen.add(key);
      if (boilerplate) {
        removed += line.length();
      } else {
        if (body.length() > 0) {
          body.append('\n');
        }
        body.append(line);
      }
    }
    return new Cleaned(body.toString(), removed);
  }

  public record Cleaned(String body, int removedChars) {}
}
