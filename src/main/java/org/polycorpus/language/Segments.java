package org.polycorpus.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A document cut into runs of lines of one language. Each line long enough to judge is detected
 * on its own; it leaves the document's language only when the detector is confident, since a
 * single short line misread would otherwise send stray terms to another language's model.
 * Shorter lines, and lines the detector is unsure of, keep the document's language.
 */
public final class Segments {
  /** Characters [start, end) of the text in one language. */
  public record Segment(String language, int start, int end) {}

  /** A language and the share of the text's characters in it. */
  public record Share(String language, double share) {}

  private Segments() {}

  public static List<Segment> split(String text, String documentLanguage, LanguageGuess guess, int minChars,
      double minConfidence) {
    List<Segment> segments = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline + 1;
      String language = lineLanguage(text.substring(start, end).strip(), documentLanguage, guess, minChars,
          minConfidence);
      Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
      if (last != null && last.language().equals(language)) {
        segments.set(segments.size() - 1, new Segment(language, last.start(), end));
      } else {
        segments.add(new Segment(language, start, end));
      }
      start = end;
    }
    return segments;
  }

  /** Each language's share of the segments' characters, largest first, then by name. */
  public static List<Share> shares(List<Segment> segments) {
    Map<String, Integer> chars = new TreeMap<>();
    int total = 0;
    for (Segment segment : segments) {
      chars.merge(segment.language(), segment.end() - segment.start(), Integer::sum);
      total += segment.end() - segment.start();
    }
    List<Share> shares = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : chars.entrySet()) {
      shares.add(new Share(entry.getKey(), Math.round(10_000.0 * entry.getValue() / total) / 10_000.0));
    }
    shares.sort((a, b) -> a.share() != b.share() ? Double.compare(b.share(), a.share())
        : a.language().compareTo(b.language()));
    return shares;
  }

  private static String lineLanguage(String line, String documentLanguage, LanguageGuess guess, int minChars,
      double minConfidence) {
    if (line.length() < minChars) {
      return documentLanguage;
    }
    return guess.detectOther(line, documentLanguage, minConfidence);
  }
}
