package org.polycorpus.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Runs an analyzer over a text and keeps the terms that can carry topical meaning, each with
 * its surface form: the word as written (lower-cased), which labels show instead of the stem.
 */
public final class Tokens {
  private Tokens() {}

  /** Terms and, at the same positions, the words they were analysed from. */
  public record Analysed(List<String> terms, List<String> surfaces) {}

  /** Only the terms of {@link #analyzeWithSurfaces}. */
  public static List<String> analyze(Analyzer analyzer, String text, int minLength, int maxLength) {
    return analyzeWithSurfaces(analyzer, text, minLength, maxLength).terms();
  }

  /**
   * The analyzed terms of {@code text}, dropping terms shorter than {@code minLength} or longer
   * than {@code maxLength} characters, and terms without a letter (numbers, punctuation).
   */
  public static Analysed analyzeWithSurfaces(Analyzer analyzer, String text, int minLength, int maxLength) {
    List<String> terms = new ArrayList<>();
    List<String> surfaces = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int length = term.length();
        if (length >= minLength && length <= maxLength && hasLetter(term)) {
          terms.add(term.toString());
          surfaces.add(text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT));
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    return new Analysed(terms, surfaces);
  }

  private static boolean hasLetter(CharSequence term) {
    return term.codePoints().anyMatch(Character::isLetter);
  }
}
