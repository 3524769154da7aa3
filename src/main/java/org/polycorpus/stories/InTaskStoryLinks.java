package org.polycorpus.stories;

import static org.polycorpus.ml.SqlRound.round;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.polycorpus.Columns;
import org.polycorpus.features.InTaskVocabulary;
import org.polycorpus.ml.SingleTask;
import org.polycorpus.ml.UnionFind;
import org.polycorpus.output.Tables;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@link StoryLinks} for corpora of up to {@link #MAX_DOCS} modelled documents: evidence is read
 * from the documents in parallel, then weights, scores, stories and cluster alignment are
 * computed in one Spark task with the same formulas. The distributed plan is some twenty Spark
 * jobs with shuffles, and below this size those jobs, not the arithmetic, were the cost.
 */
final class InTaskStoryLinks {
  /** Candidate pairs are scored one document at a time, so memory grows with documents and keys, not pairs. */
  static final long MAX_DOCS = 20_000;
  private static final Comparator<String> ORDER = InTaskVocabulary.SPARK_ORDER;

  /** A document's distinct evidence keys (in {@link #ORDER}), how often each occurs, and its smallest word. */
  record DocumentKeys(String docId, String language, String[] keys, long[] counts, String[] words)
      implements Serializable {}

  /**
   * The {@link DocumentKeys} of one partition as one item: a cached partition of many items has
   * its size estimated again and again as it grows, each estimate walking a sample of them.
   */
  record PartitionKeys(List<DocumentKeys> docs) implements Serializable {}

  /** The cluster of a document's part in {@code language}. */
  record ClusterOf(String docId, String language, int cluster) implements Serializable {}

  /** A cluster of one language's model. */
  private record Cluster(String language, int id) {}

  /** The rows of the three tables. */
  record Rows(List<Row> links, List<Row> stories, List<Row> clusterLinks) implements Serializable {}

  private InTaskStoryLinks() {}

  static StoryLinks.Tables find(Dataset<Row> documents, Dataset<Row> documentClusters, double minScore) {
    return find(keys(documents), documentClusters, minScore);
  }

  /**
   * Each document's {@link DocumentKeys}, read from doc_id, language, body on every executor: a
   * {@link PartitionKeys} per partition.
   */
  static JavaRDD<Serializable> keys(Dataset<Row> documents) {
    return SingleTask.spread(documents.select(Columns.DOC_ID, Columns.LANGUAGE, Columns.BODY), Columns.DOC_ID)
        .javaRDD().mapPartitions(InTaskStoryLinks::keysOf);
  }

  /** The tables of the documents in {@code keys}; the keys, if cached, are released with them. */
  static StoryLinks.Tables find(JavaRDD<Serializable> keys, Dataset<Row> documentClusters, double minScore) {
    JavaRDD<Serializable> items = keys.union(documentClusters.select(Columns.DOC_ID, Columns.LANGUAGE,
        Columns.CLUSTER_ID).javaRDD().map(row -> new ClusterOf(row.getString(0), row.getString(1), row.getInt(2))));
    // A shuffle into the one task, so that evidence is still read by every executor.
    JavaRDD<Rows> computed = items.repartition(1)
        .mapPartitions(all -> List.of(new Computation(all, minScore).rows()).iterator())
        .persist(StorageLevel.MEMORY_AND_DISK());
    SparkSession spark = documentClusters.sparkSession();
    return new StoryLinks.Tables(
        spark.createDataFrame(computed.flatMap(rows -> rows.links().iterator()), Tables.STORY_LINKS_SCHEMA),
        spark.createDataFrame(computed.flatMap(rows -> rows.stories().iterator()), Tables.STORIES_SCHEMA),
        spark.createDataFrame(computed.flatMap(rows -> rows.clusterLinks().iterator()), Tables.CLUSTER_LINKS_SCHEMA),
        List.of(keys, computed));
  }

  /** One {@link Evidence} per partition: its transliterator is costly to build. */
  private static Iterator<Serializable> keysOf(Iterator<Row> rows) {
    Evidence evidence = new Evidence();
    List<DocumentKeys> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      TreeMap<String, long[]> counts = new TreeMap<>(ORDER);
      Map<String, String> words = new HashMap<>();
      if (!row.isNullAt(2)) {
        for (Evidence.Key key : evidence.keys(row.getString(2), row.getString(1))) {
          counts.computeIfAbsent(key.key(), k -> new long[1])[0]++;
          words.merge(key.key(), key.word(), (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
        }
      }
      String[] distinct = counts.keySet().toArray(String[]::new);
      out.add(new DocumentKeys(row.getString(0), row.getString(1), distinct,
          Arrays.stream(distinct).mapToLong(k -> counts.get(k)[0]).toArray(),
          Arrays.stream(distinct).map(words::get).toArray(String[]::new)));
    }
    return List.<Serializable>of(new PartitionKeys(out)).iterator();
  }

  /** The whole corpus's evidence in the task; documents by doc_id, keys by key, as Spark compares strings. */
  private static final class Computation {
    private final double minScore;
    private final List<DocumentKeys> docs = new ArrayList<>();
    /** Cluster of each document's part in its own language, by (doc_id, language). */
    private final Map<List<String>, Integer> clusterOf = new HashMap<>();
    /** Useful keys (in two languages or more, not too common), in {@link #ORDER}. */
    private String[] keys;
    /** Per document: its useful keys as ascending indexes into {@link #keys}, and their weights. */
    private int[][] docKeys;
    private double[][] docWeights;
    /** Per document: its norm towards each other language, counting the keys that language has. */
    private final List<Map<String, Double>> norms = new ArrayList<>();

    Computation(Iterator<Serializable> items, double minScore) {
      this.minScore = minScore;
      while (items.hasNext()) {
        Serializable item = items.next();
        if (item instanceof PartitionKeys partition) {
          docs.addAll(partition.docs());
        } else if (item instanceof ClusterOf cluster) {
          clusterOf.put(List.of(cluster.docId(), cluster.language()), cluster.cluster());
        }
      }
      docs.sort(Comparator.comparing(DocumentKeys::docId, ORDER));
    }

    Rows rows() {
      weigh();
      List<Row> links = new ArrayList<>();
      UnionFind<Integer> stories = new UnionFind<>();
      List<List<int[]>> postings = postings();
      double[] dot = new double[docs.size()];
      int[] shared = new int[docs.size()];
      for (int a = 0; a < docs.size(); a++) {
        TreeSet<Integer> touched = new TreeSet<>();
        String languageA = docs.get(a).language();
        for (int i = 0; i < docKeys[a].length; i++) {
          for (int[] posting : postings.get(docKeys[a][i])) {
            int b = posting[0];
            if (b > a && !docs.get(b).language().equals(languageA)) {
              dot[b] += docWeights[a][i] * docWeights[b][posting[1]];
              shared[b]++;
              touched.add(b);
            }
          }
        }
        for (int b : touched) {
          double normA = norms.get(a).get(docs.get(b).language());
          double normB = norms.get(b).get(languageA);
          double score = dot[b] / (normA * normB);
          if (score >= minScore && shared[b] >= StoryLinks.MIN_SHARED) {
            links.add(link(a, b, score, shared[b], normA, normB));
            stories.union(a, b);
          }
          dot[b] = 0;
          shared[b] = 0;
        }
      }
      return new Rows(links, stories(stories), clusterLinks());
    }

    /** TF-IDF weights of the keys found in at least two languages and in not too many documents. */
    private void weigh() {
      Map<String, Integer> df = new HashMap<>();
      Map<String, Set<String>> languages = new HashMap<>();
      for (DocumentKeys doc : docs) {
        for (String key : doc.keys()) {
          df.merge(key, 1, Integer::sum);
          languages.computeIfAbsent(key, k -> new HashSet<>()).add(doc.language());
        }
      }
      double maxDocs = StoryLinks.maxKeyDocs(docs.size());
      keys = df.keySet().stream().filter(key -> languages.get(key).size() >= 2 && df.get(key) <= maxDocs)
          .sorted(ORDER).toArray(String[]::new);
      Map<String, Integer> index = new HashMap<>();
      double[] idf = new double[keys.length];
      for (int k = 0; k < keys.length; k++) {
        index.put(keys[k], k);
        // Spark's log is StrictMath's.
        idf[k] = StrictMath.log((docs.size() + 1.0) / (df.get(keys[k]) + 1)) + 1;
      }
      docKeys = new int[docs.size()][];
      docWeights = new double[docs.size()][];
      for (int d = 0; d < docs.size(); d++) {
        DocumentKeys doc = docs.get(d);
        List<Integer> kept = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Map<String, Double> squares = new TreeMap<>();
        for (int i = 0; i < doc.keys().length; i++) {
          Integer k = index.get(doc.keys()[i]);
          if (k != null) {
            double w = (1.0 + StrictMath.log(doc.counts()[i])) * idf[k];
            kept.add(k);
            weights.add(w);
            for (String other : languages.get(keys[k])) {
              if (!other.equals(doc.language())) {
                squares.merge(other, w * w, Double::sum);
              }
            }
          }
        }
        docKeys[d] = kept.stream().mapToInt(Integer::intValue).toArray();
        docWeights[d] = weights.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Double> norm = new HashMap<>();
        squares.forEach((other, sum) -> norm.put(other, Math.sqrt(sum)));
        norms.add(norm);
      }
    }

    /** Per key: (document, position of the key among the document's keys), documents ascending. */
    private List<List<int[]>> postings() {
      List<List<int[]>> postings = new ArrayList<>(keys.length);
      for (int k = 0; k < keys.length; k++) {
        postings.add(new ArrayList<>());
      }
      for (int d = 0; d < docs.size(); d++) {
        for (int i = 0; i < docKeys[d].length; i++) {
          postings.get(docKeys[d][i]).add(new int[] {d, i});
        }
      }
      return postings;
    }

    /** A story_links row: the pair, its score and its strongest shared keys. */
    private Row link(int a, int b, double score, int shared, double normA, double normB) {
      List<Object[]> evidence = new ArrayList<>();
      int i = 0;
      int j = 0;
      while (i < docKeys[a].length && j < docKeys[b].length) {
        if (docKeys[a][i] < docKeys[b][j]) {
          i++;
        } else if (docKeys[a][i] > docKeys[b][j]) {
          j++;
        } else {
          String key = keys[docKeys[a][i]];
          evidence.add(new Object[] {docWeights[a][i] * docWeights[b][j], key, wordOf(a, key), wordOf(b, key)});
          i++;
          j++;
        }
      }
      // Spark sorts (-product, key, word_a, word_b): strongest first, ties by key.
      evidence.sort(Comparator.<Object[]>comparingDouble(e -> -(double) e[0])
          .thenComparing(e -> (String) e[1], ORDER));
      List<Row> shown = new ArrayList<>();
      for (Object[] e : evidence.subList(0, Math.min(StoryLinks.EVIDENCE_SHOWN, evidence.size()))) {
        shown.add(RowFactory.create(e[1], e[2], e[3], round((double) e[0] / (normA * normB), 6)));
      }
      DocumentKeys docA = docs.get(a);
      DocumentKeys docB = docs.get(b);
      return RowFactory.create(docA.docId(), docB.docId(), round(score, 6), (long) shared,
          CollectionConverters.asScala(shown).toList(), docA.language(),
          docB.language());
    }

    private String wordOf(int d, String key) {
      DocumentKeys doc = docs.get(d);
      return doc.words()[Arrays.binarySearch(doc.keys(), key, ORDER)];
    }

    /** stories rows: each linked document with its story (smallest doc_id), its size and languages. */
    private List<Row> stories(UnionFind<Integer> linked) {
      Map<Integer, Integer> label = linked.smallest(Comparator.naturalOrder());
      Map<Integer, Integer> sizes = new HashMap<>();
      Map<Integer, Set<String>> languages = new HashMap<>();
      label.forEach((d, story) -> {
        sizes.merge(story, 1, Integer::sum);
        languages.computeIfAbsent(story, s -> new HashSet<>()).add(docs.get(d).language());
      });
      List<Row> rows = new ArrayList<>();
      new TreeMap<>(label).forEach((d, story) -> rows.add(RowFactory.create(docs.get(story).docId(),
          docs.get(d).docId(), docs.get(d).language(), (long) sizes.get(story), (long) languages.get(story).size())));
      return rows;
    }

    /**
     * cluster_links rows: clusters of different languages by the cosine of their members' summed
     * unit evidence vectors, with each cluster's best match per other language flagged.
     */
    private List<Row> clusterLinks() {
      Map<Cluster, Map<Integer, Double>> sums = new TreeMap<>(Comparator.comparing(Cluster::language)
          .thenComparingInt(Cluster::id));
      for (int d = 0; d < docs.size(); d++) {
        DocumentKeys doc = docs.get(d);
        Integer cluster = clusterOf.get(List.of(doc.docId(), doc.language()));
        if (cluster == null || docKeys[d].length == 0) {
          continue;
        }
        double squares = 0;
        for (double w : docWeights[d]) {
          squares += w * w;
        }
        double norm = Math.sqrt(squares);
        Map<Integer, Double> sum = sums.computeIfAbsent(new Cluster(doc.language(), cluster), c -> new TreeMap<>());
        for (int i = 0; i < docKeys[d].length; i++) {
          sum.merge(docKeys[d][i], docWeights[d][i] / norm, Double::sum);
        }
      }
      List<Cluster> names = new ArrayList<>(sums.keySet());
      Map<Integer, List<double[]>> byKey = new TreeMap<>();
      for (int c = 0; c < names.size(); c++) {
        Map<Integer, Double> sum = sums.get(names.get(c));
        double norm = Math.sqrt(sum.values().stream().mapToDouble(v -> v * v).sum());
        for (Map.Entry<Integer, Double> entry : sum.entrySet()) {
          byKey.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(new double[] {c, entry.getValue() / norm});
        }
      }
      int count = names.size();
      double[][] dots = new double[count][count];
      boolean[][] share = new boolean[count][count];
      for (List<double[]> clusters : byKey.values()) {
        for (double[] a : clusters) {
          for (double[] b : clusters) {
            int ca = (int) a[0];
            int cb = (int) b[0];
            if (!names.get(ca).language().equals(names.get(cb).language())) {
              dots[ca][cb] += a[1] * b[1];
              share[ca][cb] = true;
            }
          }
        }
      }
      // Each cluster's best score per other language.
      Map<List<Object>, Double> best = new HashMap<>();
      for (int a = 0; a < count; a++) {
        for (int b = 0; b < count; b++) {
          if (share[a][b]) {
            best.merge(List.of(a, names.get(b).language()), round(dots[a][b], 6), Math::max);
          }
        }
      }
      List<Row> rows = new ArrayList<>();
      for (int a = 0; a < count; a++) {
        for (int b = 0; b < count; b++) {
          if (share[a][b]) {
            Cluster clusterA = names.get(a);
            Cluster clusterB = names.get(b);
            double score = round(dots[a][b], 6);
            rows.add(RowFactory.create(clusterA.language(), clusterA.id(), clusterB.language(), clusterB.id(), score,
                score == best.get(List.of(a, clusterB.language()))));
          }
        }
      }
      return rows;
    }
  }
}
