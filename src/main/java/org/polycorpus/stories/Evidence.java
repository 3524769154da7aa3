package org.polycorpus.stories;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.CharArraySet;
import org.polycorpus.analysis.LanguageAnalyzers;
import org.polycorpus.language.CjkScripts;

/**
 * What a story keeps across languages without translation: numbers (any script's digits) and
 * names. A name is a capitalised word in a cased script, or any word of at least three letters
 * that is not a stopword in an uncased one (Arabic, Persian, Hebrew …). Names are compared by
 * consonant skeleton of their ICU Latin transliteration, so "Pakistan", "پاکستان" and
 * "باكستان" all give "bkstn", and "Hammouchi", "حموچی" and "حموشي" give "hms". Chinese and
 * Japanese put no spaces between words, so a run of their letters longer than a name is a
 * clause: it is not taken (its transliteration, the costliest there is, would give a key no
 * other document has). Not thread-safe (the transliterator): one per task.
 */
final class Evidence {
  /** A key ("#2025", "@bkstn") and the word it was read from. */
  record Key(String key, String word) {}

  private static final int MIN_SKELETON = 3;
  private static final int MIN_NAME_LETTERS = 3;
  /** Longest name, in letters, in a script written without spaces: longer runs are clauses. */
  private static final int MAX_UNSPACED_NAME_LETTERS = 8;
  private static final String[] ARABIC_PREFIXES = {"وال", "بال", "فال", "كال", "لل", "ال"};

  /**
   * Skeletons cached per executor, shared by its tasks: a corpus repeats its names in every
   * partition, and transliteration is most of the work.
   */
  private static final int MAX_CACHED_NAMES = 200_000;
  private static final Map<String, String> SKELETONS = new ConcurrentHashMap<>();

  /** No "Lower" step: {@link #skeleton} lower-cases, and a third rule pass over every name is wasted. */
  private final Transliterator toLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII");

  List<Key> keys(String text, String language) {
    List<Key> keys = new ArrayList<>();
    CharArraySet stopwords = LanguageAnalyzers.stopwords(language);
    boolean sentenceStart = true;
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      if (Character.isDigit(codePoint)) {
        StringBuilder number = new StringBuilder();
        int start = i;
        while (i < text.length() && Character.isDigit(text.codePointAt(i))) {
          number.append(Character.forDigit(Character.digit(text.codePointAt(i), 10), 10));
          i += Character.charCount(text.codePointAt(i));
        }
        if (number.length() >= 2) {
          keys.add(new Key("#" + stripLeadingZeros(number), text.substring(start, i)));
        }
        sentenceStart = false;
      } else if (Character.isLetter(codePoint)) {
        int start = i;
        while (i < text.length() && (Character.isLetter(text.codePointAt(i)) || isJoiner(text.charAt(i)))) {
          i += Character.charCount(text.codePointAt(i));
        }
        String word = text.substring(start, i);
        String name = isClause(word) ? null : name(word, sentenceStart, stopwords);
        if (name != null) {
          String skeleton = skeletonOf(name);
          if (skeleton.length() >= MIN_SKELETON) {
            keys.add(new Key("@" + skeleton, word));
          }
        }
        sentenceStart = false;
      } else {
        if (codePoint == '.' || codePoint == '!' || codePoint == '?' || codePoint == '\n' || codePoint == ':') {
          sentenceStart = true;
        }
        i += Character.charCount(codePoint);
      }
    }
    return keys;
  }

  private String skeletonOf(String name) {
    String skeleton = SKELETONS.get(name);
    if (skeleton == null) {
      skeleton = skeleton(isAscii(name) ? name : latin(name));
      if (SKELETONS.size() >= MAX_CACHED_NAMES) {
        SKELETONS.clear();
      }
      SKELETONS.put(name, skeleton);
    }
    return skeleton;
  }

  /**
   * Builds ICU's transliteration to Latin, and its rules for the scripts news comes in most, by
   * transliterating a name in each: ICU does this once per JVM, on the thread that first meets
   * the script, and Han's rules alone take a fifth of a second.
   */
  static void warmUp() {
    Evidence evidence = new Evidence();
    for (String name : new String[] {"محمد", "Москва", "Αθήνα", "北京", "トウキョウ", "서울", "ירושלים"}) {
      evidence.latin(name);
    }
  }

  /** Transliterates as {@code toLatin.transliterate(name)} does, without ICU's locked StringBuffer. */
  String latin(String name) {
    BuilderReplaceable text = new BuilderReplaceable(name);
    toLatin.transliterate(text);
    return text.toString();
  }

  /** A run of letters starting in Han or kana, too long for a name. */
  private static boolean isClause(String word) {
    return CjkScripts.isHanOrKana(word.codePointAt(0))
        && word.codePointCount(0, word.length()) > MAX_UNSPACED_NAME_LETTERS;
  }

  /** ASCII letters are already Latin and ASCII: the transliterator, the costliest step, would only lower-case them. */
  static boolean isAscii(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** The word as a name, without an Arabic article or conjunction; null when it is not one. */
  private static String name(String word, boolean sentenceStart, CharArraySet stopwords) {
    int first = word.codePointAt(0);
    if (word.codePointCount(0, word.length()) < MIN_NAME_LETTERS) {
      return null;
    }
    if (Character.isUpperCase(first) || Character.isLowerCase(first)) {
      // A cased script: a capital that does not just start a sentence.
      return Character.isUpperCase(first) && !sentenceStart && !stopwords.contains(word.toLowerCase(Locale.ROOT))
          ? word : null;
    }
    if (stopwords.contains(word)) {
      return null;
    }
    if (Character.UnicodeScript.of(first) == Character.UnicodeScript.ARABIC) {
      for (String prefix : ARABIC_PREFIXES) {
        if (word.startsWith(prefix) && word.length() - prefix.length() >= MIN_NAME_LETTERS) {
          return word.substring(prefix.length());
        }
      }
    }
    return word;
  }

  /**
   * Consonants of a Latin spelling with the sounds scripts write differently merged: digraphs
   * (sch, ch, sh, kh, th …) to one letter, p/b, v/f, c/s/z, q/k; vowels and the weak letters
   * w, y dropped (Arabic script rarely writes short vowels), doubled letters once.
   */
  static String skeleton(String latin) {
    String s = latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")
        .replace("sch", "s").replace("tsch", "s").replace("ch", "s").replace("sh", "s").replace("kh", "k")
        .replace("gh", "g").replace("th", "t").replace("dh", "d").replace("ph", "f").replace("ck", "k");
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      char mapped = switch (c) {
        case 'a', 'e', 'i', 'o', 'u', 'w', 'y' -> 0;
        case 'p' -> 'b';
        case 'v' -> 'f';
        case 'c', 'z' -> 's';
        case 'q' -> 'k';
        case 'j' -> 'g';
        default -> c;
      };
      if (mapped != 0 && (out.length() == 0 || out.charAt(out.length() - 1) != mapped)) {
        out.append(mapped);
      }
    }
    return out.toString();
  }

  private static boolean isJoiner(char c) {
    return c == '\u200c' || c == '\u200d';
  }

  /** The ASCII digits without leading zeros, but one digit at least ("007" is "7", "00" is "0"). */
  static String stripLeadingZeros(CharSequence number) {
    int start = 0;
    while (start < number.length() - 1 && number.charAt(start) == '0') {
      start++;
    }
    return number.subSequence(start, number.length()).toString();
  }
}
