package org.polycorpus.analysis;

import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Letter variants that Arabic and Persian writers use interchangeably. Folding them before
 * tokenization makes "کتاب" (Persian keheh/yeh) and "كتاب" (Arabic kaf/yeh) one term.
 */
final class ArabicScriptFolding {
  static final String ZWNJ = "\u200C";

  private ArabicScriptFolding() {}

  /** Persian and Urdu letter forms folded onto the Arabic letters Lucene's filters expect. */
  static NormalizeCharMap persianLettersToArabic() {
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    builder.add("\u06CC", "\u064A"); // FARSI YEH -> YEH
    builder.add("\u06D2", "\u064A"); // YEH BARREE -> YEH
    builder.add("\u06A9", "\u0643"); // KEHEH -> KAF
    builder.add("\u06C1", "\u0647"); // HEH GOAL -> HEH
    builder.add("\u06C0", "\u0647"); // HEH WITH YEH ABOVE -> HEH
    // Arabic text has no use for the Persian non-joiner; it only splits a word's letters.
    builder.add(ZWNJ, "");
    return builder.build();
  }
}
