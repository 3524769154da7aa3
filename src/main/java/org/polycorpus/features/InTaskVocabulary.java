package org.polycorpus.features;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.polycorpus.ml.SingleTask;

/**
 * The vocabulary of a small corpus computed in one task, with the distributed fit's rules: terms
 * by document frequency (descending), then term; at least {@code minDocFreq} documents; at most
 * {@code vocabSize} terms; each term's word is its most frequent surface, then the smallest.
 * Strings compare as Spark compares them, by their UTF-8 bytes.
 */
public final class InTaskVocabulary {
  /** Strings in Spark's order: by their UTF-8 bytes, unsigned (see {@link #compareAsUtf8}). */
  public static final Comparator<String> SPARK_ORDER = InTaskVocabulary::compareAsUtf8;

  private InTaskVocabulary() {}

  /**
   * As the strings' UTF-8 bytes compare, unsigned, without encoding them: sorting a corpus's
   * terms encoded both strings on every comparison. Up to the first chars that differ the bytes
   * agree, and two chars outside the surrogates order as their bytes do. When one of them is a
   * surrogate (half of a code point above U+FFFF, or unpaired, which Java encodes as '?') the
   * bytes decide.
   */
  static int compareAsUtf8(String a, String b) {
    int length = Math.min(a.length(), b.length());
    for (int i = 0; i < length; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return Character.isSurrogate(x) || Character.isSurrogate(y)
            ? Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8))
            : Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /** {@code surfacesCol} may be null: a term is then shown as itself. */
  static Vocabulary fit(Dataset<?> documents, String termsCol, String surfacesCol, int minDocFreq, int vocabSize) {
    Dataset<Row> columns = surfacesCol == null ? documents.select(termsCol) : documents.select(termsCol, surfacesCol);
    boolean withSurfaces = surfacesCol != null;
    return SingleTask.run(columns, rows -> fit(rows, withSurfaces, minDocFreq, vocabSize));
  }

  private static Vocabulary fit(Iterator<Row> rows, boolean withSurfaces, int minDocFreq, int vocabSize) {
    List<List<String>> terms = new ArrayList<>();
    List<List<String>> written = new ArrayList<>();
    rows.forEachRemaining(row -> {
      terms.add(row.getList(0));
      written.add(withSurfaces ? row.getList(1) : row.getList(0));
    });
    return fit(terms, written, minDocFreq, vocabSize);
  }

  /** The vocabulary of documents held in memory: each document's terms and the words they were written as. */
  public static Vocabulary fit(List<List<String>> documents, List<List<String>> writtenAs, int minDocFreq,
      int vocabSize) {
    Map<String, Long> docFreqs = new HashMap<>();
    Map<String, Map<String, Long>> surfaces = new HashMap<>();
    long numDocs = 0;
    for (int d = 0; d < documents.size(); d++) {
      List<String> terms = documents.get(d);
      List<String> written = writtenAs.get(d);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < terms.size(); i++) {
        if (seen.add(terms.get(i))) {
          docFreqs.merge(terms.get(i), 1L, Long::sum);
        }
        surfaces.computeIfAbsent(terms.get(i), t -> new HashMap<>()).merge(written.get(i), 1L, Long::sum);
      }
      numDocs++;
    }
    List<String> kept = new ArrayList<>();
    docFreqs.forEach((term, df) -> {
      if (df >= minDocFreq) {
        kept.add(term);
      }
    });
    kept.sort(Comparator.<String>comparingLong(docFreqs::get).reversed().thenComparing(SPARK_ORDER));
    List<String> terms = kept.subList(0, Math.min(vocabSize, kept.size()));
    String[] words = new String[terms.size()];
    long[] frequencies = new long[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      words[i] = surfaces.get(terms.get(i)).entrySet().stream()
          .min(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(SPARK_ORDER)))
          .orElseThrow().getKey();
      frequencies[i] = docFreqs.get(terms.get(i));
    }
    return new Vocabulary(terms.toArray(String[]::new), words, frequencies, numDocs);
  }
}
