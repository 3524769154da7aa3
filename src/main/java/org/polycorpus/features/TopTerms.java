package org.polycorpus.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.Columns;

/** Each document's N highest-weighted terms, as rows of {@code document_terms}. */
public final class TopTerms {
  private static final StructType TERM = new StructType()
      .add("term", DataTypes.StringType, false)
      .add("word", DataTypes.StringType, false)
      .add("rank", DataTypes.IntegerType, false)
      .add("tf", DataTypes.IntegerType, false)
      .add("tfidf", DataTypes.DoubleType, false);

  private TopTerms() {}

  /** doc_id, language, term, word, rank (1 = best), tf, tfidf; ties broken by term, so ranks are stable. */
  public static Dataset<Row> documentTerms(Dataset<Row> vectors, Broadcast<Vocabulary> shared, int n) {
    var top = udf((UDF2<Vector, Vector, List<Row>>) (counts, tfidf) -> top(shared.value(), counts, tfidf, n),
        DataTypes.createArrayType(TERM, false));
    Column term = col("t");
    return vectors
        .select(col(Columns.DOC_ID), col(Columns.LANGUAGE),
            explode(top.apply(col(Columns.TERM_COUNTS), col(Columns.TFIDF))).as("t"))
        .select(col(Columns.DOC_ID), col(Columns.LANGUAGE), term.getField("term").as("term"), term.getField("word").as("word"),
            term.getField("rank").as("rank"), term.getField("tf").as("tf"), term.getField("tfidf").as("tfidf"));
  }

  /** A document's n highest-weighted terms: term, word, rank, tf, tfidf. */
  public static List<Row> top(Vocabulary vocabulary, Vector counts, Vector tfidf, int n) {
    SparseVector weights = tfidf.toSparse();
    SparseVector tf = counts.toSparse();
    Integer[] order = new Integer[weights.indices().length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -weights.values()[i])
        .thenComparing(i -> vocabulary.term(weights.indices()[i])));
    List<Row> rows = new ArrayList<>(Math.min(n, order.length));
    for (int r = 0; r < Math.min(n, order.length); r++) {
      int index = weights.indices()[order[r]];
      rows.add(RowFactory.create(vocabulary.term(index), vocabulary.word(index), r + 1, (int) tf.apply(index), weights.values()[order[r]]));
    }
    return rows;
  }
}
