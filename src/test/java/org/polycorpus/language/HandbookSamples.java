package org.polycorpus.language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Labelled texts for language identification, cut from the Debian Administrator's Handbook
 * (Debian package debian-handbook, HTML in 26 locales): per locale, one long text per page and
 * single paragraphs as short texts. A paragraph the translation left in English (most of its
 * words found in the English edition) or that is mostly digits (copyright years) is not a
 * sample of its locale and is left out.
 */
public final class HandbookSamples {
  static final Path HANDBOOK = Path.of("/usr/share/doc/debian-handbook/html");
  static final int LONG_CHARS = 2_000;
  static final int SHORT_MIN = 60;
  static final int SHORT_MAX = 300;

  public record Sample(String language, boolean isShort, String text) {}

  private HandbookSamples() {}

  /** Samples from the first {@code pages} pages of each locale, sorted by name. */
  public static List<Sample> build(int pages, int shortPerLanguage) throws IOException {
    Set<String> english = new HashSet<>();
    for (Path page : pages(HANDBOOK.resolve("en-US"), Integer.MAX_VALUE)) {
      for (String paragraph : paragraphs(page)) {
        english.addAll(words(paragraph));
      }
    }
    List<Sample> samples = new ArrayList<>();
    for (Path locale : locales()) {
      String language = label(locale.getFileName().toString());
      int shortCount = 0;
      for (Path page : pages(locale, pages)) {
        StringBuilder longText = new StringBuilder();
        for (String paragraph : paragraphs(page)) {
          if (!language.equals("en") && untranslated(paragraph, english) || !mostlyLetters(paragraph)) {
            continue;
          }
          if (longText.length() < LONG_CHARS) {
            longText.append(paragraph).append('\n');
          }
          if (paragraph.length() >= SHORT_MIN && paragraph.length() <= SHORT_MAX && shortCount < shortPerLanguage) {
            samples.add(new Sample(language, true, paragraph));
            shortCount++;
          }
        }
        if (longText.length() >= LONG_CHARS / 2) {
          samples.add(new Sample(language, false, longText.substring(0, Math.min(LONG_CHARS, longText.length()))));
        }
      }
    }
    return samples;
  }

  /** "pt-BR" -> "pt", "nb-NO" -> "no": detectors name Norwegian Bokmål either way. */
  static String label(String locale) {
    String language = locale.substring(0, locale.indexOf('-')).toLowerCase(Locale.ROOT);
    return normalise(language);
  }

  static String normalise(String language) {
    return switch (language) {
      case "nb", "nn" -> "no";
      default -> language;
    };
  }

  private static boolean untranslated(String paragraph, Set<String> english) {
    List<String> words = words(paragraph);
    return english.containsAll(words) || words.stream().filter(english::contains).count() > 0.6 * words.size();
  }

  private static boolean mostlyLetters(String paragraph) {
    return paragraph.codePoints().filter(Character::isLetter).count() > 0.5 * paragraph.length();
  }

  private static List<String> words(String paragraph) {
    return java.util.Arrays.stream(paragraph.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
        .filter(word -> !word.isEmpty()).toList();
  }

  private static List<Path> locales() throws IOException {
    try (Stream<Path> entries = Files.list(HANDBOOK)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static List<Path> pages(Path locale, int limit) throws IOException {
    try (Stream<Path> entries = Files.list(locale)) {
      return entries.filter(p -> p.toString().endsWith(".html")).sorted().limit(limit).toList();
    }
  }

  /** The page's text lines of at least {@link #SHORT_MIN} characters, whitespace collapsed. */
  private static List<String> paragraphs(Path page) throws IOException {
    BodyContentHandler text = new BodyContentHandler(-1);
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(page))) {
      new JSoupParser().parse(in, text, new Metadata(), new ParseContext());
    } catch (org.xml.sax.SAXException | org.apache.tika.exception.TikaException e) {
      throw new IOException("cannot parse " + page, e);
    }
    List<String> paragraphs = new ArrayList<>();
    for (String line : text.toString().split("\n")) {
      String paragraph = line.strip().replaceAll("\\s+", " ");
      if (paragraph.length() >= SHORT_MIN) {
        paragraphs.add(paragraph);
      }
    }
    return paragraphs;
  }
}
