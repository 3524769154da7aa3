package org.polycorpus.topics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.polycorpus.Columns;
import org.polycorpus.features.Vocabulary;
import scala.collection.immutable.Seq;

/**
 * Labels clusters with their most distinctive terms by class-based TF-IDF: all documents of a
 * cluster form one class, and
 * <pre>  w(t, c) = tf(t, c) / |c| * ln(1 + A / f(t))</pre>
 * where tf(t, c) counts t in cluster c, |c| is the cluster's term count, A the mean term count
 * per cluster and f(t) the count of t across the language's clusters.
 */
public final class ClusterLabels {
  private ClusterLabels() {}

  /**
   * cluster_id, label_terms (best first; ties by term) for one language's clustered documents,
   * each term shown as its display word, and label_stems, the same terms as analysed.
   */
  public static Dataset<Row> label(Dataset<Row> clustered, int labelTerms, Broadcast<Vocabulary> vocabulary) {
    var toWords = udf((UDF1<Seq<String>, List<String>>) terms -> {
      Vocabulary vocab = vocabulary.value();
      List<String> words = new ArrayList<>(terms.size());
      scala.collection.Iterator<String> it = terms.iterator();
      while (it.hasNext()) {
        String term = it.next();
        int index = vocab.indexOf(term);
        words.add(index < 0 ? term : vocab.word(index));
      }
      return words;
    }, DataTypes.createArrayType(DataTypes.StringType, false));
    Dataset<Row> counts = clustered
        .select(col(Columns.CLUSTER_ID), explode(col(Columns.TOKENS)).as("term"))
        .groupBy(Columns.CLUSTER_ID, "term").count();
    Dataset<Row> clusterSizes = counts.groupBy(Columns.CLUSTER_ID).agg(sum("count").as("cluster_terms"));
    Dataset<Row> termTotals = counts.groupBy("term").agg(sum("count").as("term_total"));
    Dataset<Row> meanClusterTerms = clusterSizes.agg(avg("cluster_terms").as("mean_cluster_terms"));
    return counts
        .join(clusterSizes, Columns.CLUSTER_ID)
        .join(termTotals, "term")
        .crossJoin(meanClusterTerms)
        .withColumn("weight", col("count").divide(col("cluster_terms"))
            .multiply(log(lit(1.0).plus(col("mean_cluster_terms").divide(col("term_total"))))))
        .withColumn("rank", row_number().over(Window.partitionBy(Columns.CLUSTER_ID)
            .orderBy(col("weight").desc(), col("term"))))
        .filter(col("rank").leq(labelTerms))
        .groupBy(Columns.CLUSTER_ID)
        // collect_list keeps no order after a shuffle: sort the (rank, term) pairs explicitly.
        .agg(org.apache.spark.sql.functions.array_sort(collect_list(
            org.apache.spark.sql.functions.struct(col("rank"), col("term")))).as("ranked"))
        .select(col(Columns.CLUSTER_ID), toWords.apply(col("ranked.term")).as("label_terms"),
            col("ranked.term").as("label_stems"));
  }
}
