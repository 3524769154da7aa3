package org.polycorpus.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.polycorpus.Columns;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Topic coherence as normalised pointwise mutual information over document co-occurrence
 * (Bouma 2009; the NPMI of Röder et al.'s C_NPMI with whole documents as the window): for each
 * pair of a set's terms, log(P(a,b) / (P(a) P(b))) / -log P(a,b), where P is the share of the
 * language's documents containing the terms; -1 for terms that never co-occur, 1 for terms
 * that always do. A set's coherence is the mean over its pairs, undefined (NaN) for a language
 * of one document. The counting is one Spark job
 * over the language's documents; only counts of pairs of the sets' terms reach the driver.
 */
public final class Coherence {
  private static final String SEPARATOR = "\u0000";

  private Coherence() {}

  /** NPMI of each term set, by the set's key; NaN for a set of fewer than two terms. */
  public static Map<Integer, Double> npmi(Dataset<Row> documents, String tokensCol, long numDocs,
      Map<Integer, List<String>> termSets) {
    Set<String> wanted = wanted(termSets);
    Broadcast<Set<String>> shared = documents.sparkSession().sparkContext()
        .broadcast(wanted, scala.reflect.ClassTag$.MODULE$.apply(Set.class));
    var pairs = udf((UDF1<Seq<String>, List<String>>) tokens ->
            pairsIn(CollectionConverters.asJava(tokens), shared.value()),
        DataTypes.createArrayType(DataTypes.StringType, false));
    Map<String, Long> counts = new HashMap<>();
    for (Row row : documents.select(explode(pairs.apply(col(tokensCol)))).groupBy(col("col")).count()
        .collectAsList()) {
      counts.put(row.getString(0), row.getLong(1));
    }
    return fromCounts(termSets, counts, numDocs);
  }

  static Set<String> wanted(Map<Integer, List<String>> termSets) {
    Set<String> wanted = new TreeSet<>();
    termSets.values().forEach(wanted::addAll);
    return wanted;
  }

  /** Each set's mean NPMI from document counts of single terms ("a") and pairs ("a\0b"). */
  static Map<Integer, Double> fromCounts(Map<Integer, List<String>> termSets, Map<String, Long> counts,
      long numDocs) {
    Map<Integer, Double> coherence = new HashMap<>();
    // On one document every pair co-occurs: NPMI says nothing there.
    termSets.forEach((key, terms) -> coherence.put(key, numDocs < 2 ? Double.NaN : mean(terms, counts, numDocs)));
    return coherence;
  }

  /** "a", and "a\0b" with a < b, for the wanted terms the document contains. */
  static List<String> pairsIn(List<String> tokens, Set<String> wanted) {
    TreeSet<String> present = new TreeSet<>();
    for (String token : tokens) {
      if (wanted.contains(token)) {
        present.add(token);
      }
    }
    List<String> keys = new ArrayList<>();
    List<String> terms = new ArrayList<>(present);
    for (int i = 0; i < terms.size(); i++) {
      keys.add(terms.get(i));
      for (int j = i + 1; j < terms.size(); j++) {
        keys.add(terms.get(i) + SEPARATOR + terms.get(j));
      }
    }
    return keys;
  }

  private static double mean(List<String> terms, Map<String, Long> counts, long numDocs) {
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < terms.size(); i++) {
      for (int j = i + 1; j < terms.size(); j++) {
        String a = terms.get(i);
        String b = terms.get(j);
        long both = counts.getOrDefault(a.compareTo(b) < 0 ? a + SEPARATOR + b : b + SEPARATOR + a, 0L);
        sum += npmi(counts.getOrDefault(a, 0L), counts.getOrDefault(b, 0L), both, numDocs);
        pairs++;
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }

  static double npmi(long docsA, long docsB, long docsBoth, long numDocs) {
    if (docsBoth == 0) {
      return -1.0;
    }
    if (docsBoth == numDocs) {
      return 1.0;
    }
    double pBoth = (double) docsBoth / numDocs;
    return Math.log(pBoth / ((double) docsA / numDocs * docsB / numDocs)) / -Math.log(pBoth);
  }
}
