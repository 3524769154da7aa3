package org.polycorpus.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Runs an analyzer over a text and keeps the terms that can carry topical meaning. */
public final class Tokens {
  private Tokens() {}

  /**
   * The analyzed terms of {@code text}, dropping terms shorter than {@code minLength} or longer
   * than {@code maxLength} characters, and terms without a letter (numbers, punctuation).
   */
  public static List<String> analyze(Analyzer analyzer, String text, int minLength, int maxLength) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int length = term.length();
        if (length >= minLength && length <= maxLength && hasLetter(term)) {
          terms.add(term.toString());
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    return terms;
  }

  private static boolean hasLetter(CharSequence term) {
    return term.codePoints().anyMatch(Character::isLetter);
  }
}
