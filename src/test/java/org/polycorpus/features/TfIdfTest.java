package org.polycorpus.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.SparkTestBase;

class TfIdfTest extends SparkTestBase {
  private static final StructType SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType)
      .add("tokens", DataTypes.createArrayType(DataTypes.StringType, false))
      .add("surfaces", DataTypes.createArrayType(DataTypes.StringType, false));

  private static Dataset<Row> docs(Object[]... rows) {
    return rows(SCHEMA, rows);
  }

  private static Object[] doc(String id, String... terms) {
    return new Object[] {id, List.of(terms), List.of(terms)};
  }

  @Test
  void idfFormula() {
    assertThat(IdfFormula.idf(1, 1)).isEqualTo(1.0); // the only document of a language
    assertThat(IdfFormula.idf(3, 3)).isEqualTo(1.0); // a term in every document
    assertThat(IdfFormula.idf(3, 1)).isCloseTo(Math.log(2.0) + 1, within(1e-12)); // ln(4/2) + 1
    assertThat(IdfFormula.termWeight(4, false)).isEqualTo(4.0);
    assertThat(IdfFormula.termWeight(4, true)).isCloseTo(1 + Math.log(4), within(1e-12));
  }

  @Test
  void singleDocumentLanguageKeepsPositiveWeightsWhereSparksIdfGivesZero() {
    Dataset<Row> one = docs(doc("fa1", "امنیت", "مراکش", "امنیت"));
    TfIdfModel model = new TfIdf().fit(one);
    SparseVector tfidf = ((Vector) model.transform(one).select("tfidf").first().get(0)).toSparse();
    assertThat(tfidf.values()).containsExactly(2.0, 1.0); // tf * 1: ordered by df, then term

    Dataset<Row> counts = model.transform(one);
    Vector sparkIdf = ((Vector) new IDF().setInputCol("term_counts").setOutputCol("spark_idf").fit(counts)
        .transform(counts).select("spark_idf").first().get(0));
    assertThat(sparkIdf.numNonzeros()).isZero(); // ln((1 + 1) / (1 + 1)) = 0 for every term
  }

  @Test
  void vocabularyIsOrderedByDocumentFrequencyThenTerm() {
    Dataset<Row> corpus = docs(doc("a", "b", "a"), doc("b", "c", "a"), doc("c", "a", "d"));
    Vocabulary vocabulary = new TfIdf().fit(corpus).vocabulary();
    assertThat(vocabulary.size()).isEqualTo(4);
    assertThat(List.of(vocabulary.term(0), vocabulary.term(1), vocabulary.term(2), vocabulary.term(3)))
        .containsExactly("a", "b", "c", "d");
    assertThat(vocabulary.idf(0)).isEqualTo(1.0);
    assertThat(vocabulary.idf(1)).isCloseTo(Math.log(4.0 / 2.0) + 1, within(1e-12));
    assertThat(new TfIdf().setMinDocFreq(2).fit(corpus).vocabulary().size()).isEqualTo(1);
    assertThat(new TfIdf().setVocabSize(2).fit(corpus).vocabulary().size()).isEqualTo(2);
  }

  @Test
  void displayWordIsTheMostFrequentSurface() {
    StructType schema = SCHEMA;
    Dataset<Row> corpus = rows(schema,
        new Object[] {"a", List.of("minist", "minist"), List.of("minister", "ministern")},
        new Object[] {"b", List.of("minist"), List.of("minister")});
    Vocabulary vocabulary = new TfIdf().fit(corpus).vocabulary();
    assertThat(vocabulary.word(0)).isEqualTo("minister");
  }

  /** The one-task fit and the distributed fit build the same vocabulary from the seed articles' words. */
  @Test
  void inTaskAndDistributedFitsAgree() throws java.io.IOException {
    List<Object[]> rows = new java.util.ArrayList<>();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("seeds"))) {
      for (java.nio.file.Path file : files.sorted().toList()) {
        List<String> words = java.util.Arrays.stream(java.nio.file.Files.readString(file).toLowerCase(java.util.Locale.ROOT)
            .split("[^\\p{L}]+")).filter(w -> w.length() > 1).toList();
        // Cutting the last letter makes terms with several written forms, and many frequency ties.
        rows.add(new Object[] {file.toString(), words.stream().map(w -> w.substring(0, w.length() - 1)).toList(), words});
      }
    }
    Dataset<Row> corpus = rows(SCHEMA, rows.toArray(Object[][]::new));
    for (int[] limits : new int[][] {{1, 262_144}, {2, 40}}) {
      TfIdf tfidf = new TfIdf().setMinDocFreq(limits[0]).setVocabSize(limits[1]);
      Vocabulary inTask = tfidf.fitInTask(corpus);
      Vocabulary distributed = tfidf.fitDistributed(corpus, corpus.count());
      assertThat(inTask.size()).isEqualTo(distributed.size()).isGreaterThan(limits[0] == 1 ? 1000 : 30);
      for (int t = 0; t < inTask.size(); t++) {
        assertThat(new Object[] {inTask.term(t), inTask.word(t), inTask.docFreq(t)}).as("term %d", t)
            .containsExactly(distributed.term(t), distributed.word(t), distributed.docFreq(t));
      }
    }
  }

  @Test
  void sublinearTf() {
    Dataset<Row> one = docs(doc("x", "a", "a", "a", "a"));
    SparseVector tfidf = ((Vector) new TfIdf().setSublinearTf(true).fit(one).transform(one)
        .select("tfidf").first().get(0)).toSparse();
    assertThat(tfidf.values()[0]).isCloseTo(1 + Math.log(4), within(1e-12));
  }

  @Test
  void savedModelLoadsWithTheSameVocabularyAndVectors(@TempDir Path dir) throws Exception {
    Dataset<Row> corpus = docs(doc("a", "b", "a"), doc("b", "c", "a"));
    TfIdfModel model = new TfIdf().setSublinearTf(true).fit(corpus);
    String path = dir.resolve("tfidf").toString();
    model.write().save(path);
    TfIdfModel loaded = TfIdfModel.load(path);
    assertThat(loaded.vocabulary().size()).isEqualTo(model.vocabulary().size());
    assertThat(loaded.vocabulary().term(2)).isEqualTo(model.vocabulary().term(2));
    assertThat((Long) loaded.$(loaded.numDocs())).isEqualTo(2L);
    assertThat((Boolean) loaded.$(loaded.sublinearTf())).isTrue();
    assertThat(loaded.transform(corpus).select("tfidf").collectAsList())
        .isEqualTo(model.transform(corpus).select("tfidf").collectAsList());
  }

  @Test
  void topTermsRankByWeightThenTerm() {
    Dataset<Row> corpus = docs(doc("a", "x", "y", "y", "z"), doc("b", "x"));
    TfIdfModel model = new TfIdf().fit(corpus);
    List<Row> top = TopTerms.top(model.vocabulary(),
        (Vector) model.transform(corpus).filter("doc_id = 'a'").select("term_counts").first().get(0),
        (Vector) model.transform(corpus).filter("doc_id = 'a'").select("tfidf").first().get(0), 2);
    assertThat(top).hasSize(2);
    assertThat(top.get(0).getString(0)).isEqualTo("y"); // tf 2
    assertThat(top.get(0).getInt(2)).isEqualTo(1);
    assertThat(top.get(1).getString(0)).isEqualTo("z"); // rarer than x
  }
}
