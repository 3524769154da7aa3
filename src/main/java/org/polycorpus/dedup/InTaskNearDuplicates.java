package org.polycorpus.dedup;

import static org.polycorpus.ml.SqlRound.round;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.Columns;
import org.polycorpus.features.InTaskVocabulary;
import org.polycorpus.ml.UnionFind;

/**
 * {@link NearDuplicates}' candidate pairs, similarities and groups for corpora of up to
 * {@link org.polycorpus.ml.SingleTask#MAX_ROWS} language parts, in one Spark task: the same bands,
 * the same Jaccard similarity, the same groups as the distributed joins, without their half a
 * dozen shuffles. Shingles and signatures are still computed by every executor.
 */
final class InTaskNearDuplicates {
  static final StructType SCHEMA = new StructType().add(Columns.LANGUAGE, DataTypes.StringType, false)
      .add(Columns.DOC_ID, DataTypes.StringType, false).add(Columns.DUPLICATE_OF, DataTypes.StringType, false)
      .add(Columns.DUPLICATE_SIMILARITY, DataTypes.DoubleType, false);

  private InTaskNearDuplicates() {}

  /** {@code signed}: language, doc_id, shingle_set, bands; returns {@link NearDuplicates#find}'s rows. */
  static Dataset<Row> find(Dataset<Row> signed, double minSimilarity) {
    return signed.repartition(1)
        .mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows ->
            duplicates(rows, minSimilarity), Encoders.row(SCHEMA));
  }

  private static Iterator<Row> duplicates(Iterator<Row> rows, double minSimilarity) {
    List<Row> parts = new ArrayList<>();
    rows.forEachRemaining(parts::add);
    // By language, then doc_id as Spark compares strings: a pair (a, b) has a before b.
    parts.sort(Comparator.comparing((Row row) -> row.getString(0))
        .thenComparing(row -> row.getString(1), InTaskVocabulary.SPARK_ORDER));
    Map<String, List<Integer>> bands = new HashMap<>();
    List<int[]> sets = new ArrayList<>(parts.size());
    for (int p = 0; p < parts.size(); p++) {
      sets.add(NearDuplicates.ints(parts.get(p).getAs(2)));
      for (String band : parts.get(p).<String>getList(3)) {
        bands.computeIfAbsent(parts.get(p).getString(0) + '\u0000' + band, b -> new ArrayList<>()).add(p);
      }
    }
    Set<Long> candidates = new HashSet<>();
    for (List<Integer> members : bands.values()) {
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          candidates.add((long) members.get(i) * parts.size() + members.get(j));
        }
      }
    }
    UnionFind<List<String>> groups = new UnionFind<>();
    Map<List<String>, Double> similarity = new HashMap<>();
    for (long pair : candidates) {
      int first = (int) (pair / parts.size());
      int second = (int) (pair % parts.size());
      Row a = parts.get(first);
      Row b = parts.get(second);
      double jaccard = round(NearDuplicates.jaccard(sets.get(first), sets.get(second)), 6);
      if (jaccard >= minSimilarity) {
        List<String> nodeA = List.of(a.getString(0), a.getString(1));
        List<String> nodeB = List.of(b.getString(0), b.getString(1));
        groups.union(nodeA, nodeB);
        similarity.merge(nodeA, jaccard, Math::max);
        similarity.merge(nodeB, jaccard, Math::max);
      }
    }
    List<Row> out = new ArrayList<>();
    groups.smallest(Comparator.comparing((List<String> node) -> node.get(1))).forEach((node, label) ->
        out.add(RowFactory.create(node.get(0), node.get(1), label.get(1), similarity.get(node))));
    return out.iterator();
  }
}
