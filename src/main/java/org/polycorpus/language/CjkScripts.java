package org.polycorpus.language;

/**
 * Chinese, Japanese and Korean told apart by script. Optimaize scores character n-grams, so a
 * Japanese or Chinese paragraph with a few Latin words (commands, names) is often taken for a
 * European language, and Japanese for Chinese; which scripts the letters are in settles it.
 */
public final class CjkScripts {
  /** CJK letters must make up at least this share of all letters before the rule applies. */
  static final double MIN_CJK_SHARE = 0.2;
  /** Kana beyond this share of Han and kana letters marks Japanese rather than Chinese. */
  static final double MIN_KANA_SHARE = 0.1;

  private static final byte OTHER = 0;
  private static final byte HAN = 1;
  private static final byte KANA = 2;
  private static final byte HANGUL = 3;
  /** The low bits of a class: its script. */
  private static final byte SCRIPT_BITS = 3;
  /** Set beside the script for letters (Character.isLetter). */
  private static final byte LETTER = 4;
  /**
   * The CJK script of every code point of the Basic Multilingual Plane, and whether it is a
   * letter, looked up once: every character of every document and line passes here, and
   * Character.UnicodeScript.of searches a table of two thousand ranges each time.
   */
  private static final byte[] BMP_CLASSES = new byte[Character.MIN_SUPPLEMENTARY_CODE_POINT];

  static {
    for (int codePoint = 0; codePoint < BMP_CLASSES.length; codePoint++) {
      BMP_CLASSES[codePoint] = classOf(codePoint);
    }
  }

  private CjkScripts() {}

  private static byte classOf(int codePoint) {
    byte script = switch (Character.UnicodeScript.of(codePoint)) {
      case HAN -> HAN;
      case HIRAGANA, KATAKANA -> KANA;
      case HANGUL -> HANGUL;
      default -> OTHER;
    };
    return (byte) (Character.isLetter(codePoint) ? script | LETTER : script);
  }

  private static byte classAt(int codePoint) {
    return codePoint < BMP_CLASSES.length ? BMP_CLASSES[codePoint] : classOf(codePoint);
  }

  /** Han, hiragana or katakana: the letters of Chinese and Japanese, written without spaces. */
  public static boolean isHanOrKana(int codePoint) {
    int script = classAt(codePoint) & SCRIPT_BITS;
    return script == HAN || script == KANA;
  }

  /** "zh", "ja" or "ko" with the share of letters in CJK scripts, or null when the text is not CJK. */
  static LanguageGuess.Result classify(CharSequence text) {
    int letters = 0;
    int han = 0;
    int kana = 0;
    int hangul = 0;
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      int codePoint = Character.isSurrogate(c) ? Character.codePointAt(text, i) : c;
      i += Character.charCount(codePoint);
      byte letterClass = classAt(codePoint);
      if ((letterClass & LETTER) == 0) {
        continue;
      }
      letters++;
      switch (letterClass & SCRIPT_BITS) {
        case HAN -> han++;
        case KANA -> kana++;
        case HANGUL -> hangul++;
        default -> { }
      }
    }
    int cjk = han + kana + hangul;
    if (letters == 0 || cjk < MIN_CJK_SHARE * letters) {
      return null;
    }
    double share = (double) cjk / letters;
    if (hangul >= han + kana) {
      return new LanguageGuess.Result("ko", share);
    }
    return new LanguageGuess.Result(kana > MIN_KANA_SHARE * (han + kana) ? "ja" : "zh", share);
  }
}
