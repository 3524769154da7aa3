package org.polycorpus.features;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * A language's terms (index = position) with their document frequencies, IDF weights, and the
 * word each is most often written as (the display word: "marokko" for the stem "marokko",
 * "italienischen" for "italienisch").
 */
public final class Vocabulary implements Serializable {
  private final String[] terms;
  private final String[] words;
  private final long[] docFreqs;
  private final double[] idf;
  private final long numDocs;
  private transient Map<String, Integer> index;

  public Vocabulary(String[] terms, String[] words, long[] docFreqs, long numDocs) {
    this.terms = terms;
    this.words = words;
    this.docFreqs = docFreqs;
    this.numDocs = numDocs;
    this.idf = new double[terms.length];
    for (int i = 0; i < terms.length; i++) {
      idf[i] = IdfFormula.idf(numDocs, docFreqs[i]);
    }
  }

  public int size() {
    return terms.length;
  }

  /** Documents the frequencies were counted in. */
  public long numDocs() {
    return numDocs;
  }

  public String term(int i) {
    return terms[i];
  }

  public String word(int i) {
    return words[i];
  }

  public long docFreq(int i) {
    return docFreqs[i];
  }

  public double idf(int i) {
    return idf[i];
  }

  /** The term's index, or -1 when it is not in the vocabulary. */
  public int indexOf(String term) {
    if (index == null) {
      Map<String, Integer> built = new HashMap<>(terms.length * 2);
      for (int i = 0; i < terms.length; i++) {
        built.put(terms[i], i);
      }
      index = built;
    }
    return index.getOrDefault(term, -1);
  }
}
