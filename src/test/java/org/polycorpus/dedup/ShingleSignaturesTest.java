package org.polycorpus.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.polycorpus.SparkTestBase;
import org.polycorpus.analysis.TextAnalyzer;
import org.polycorpus.language.HandbookSamples;
import org.polycorpus.language.LanguageDetector;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The one-pass signatures must equal what Spark's stages compute from shingle strings: the
 * HashingTF set and MinHashLSH's hashes, on the analysed handbook in 26 languages.
 */
class ShingleSignaturesTest extends SparkTestBase {
  private static final int SHINGLE = 3;
  private static final long SEED = 42;

  @Test
  void theRemainderByTheHashPrimeIsExact() {
    java.util.Random random = new java.util.Random(3);
    long largest = (long) ShingleSignatures.FEATURES * (ShingleSignatures.HASH_PRIME - 1) + ShingleSignatures.HASH_PRIME;
    long[] edges = {0, 1, ShingleSignatures.HASH_PRIME - 1, ShingleSignatures.HASH_PRIME,
        ShingleSignatures.HASH_PRIME + 1, 7 * ShingleSignatures.HASH_PRIME, largest - 1, largest};
    for (long x : edges) {
      assertThat(ShingleSignatures.modPrime(x)).as("%d", x).isEqualTo(x % ShingleSignatures.HASH_PRIME);
    }
    for (int i = 0; i < 1_000_000; i++) {
      long x = (long) (random.nextDouble() * largest);
      long nearMultiple = (x / ShingleSignatures.HASH_PRIME) * ShingleSignatures.HASH_PRIME + random.nextInt(3) - 1;
      assertThat(ShingleSignatures.modPrime(x)).isEqualTo(x % ShingleSignatures.HASH_PRIME);
      assertThat(ShingleSignatures.modPrime(Math.max(0, nearMultiple)))
          .isEqualTo(Math.max(0, nearMultiple) % ShingleSignatures.HASH_PRIME);
    }
  }

  @Test
  void equalSparksHashingTfAndMinHashLsh() throws Exception {
    List<Object[]> docs = new ArrayList<>();
    int n = 0;
    for (HandbookSamples.Sample sample : HandbookSamples.build(3, 10)) {
      docs.add(new Object[] {"d" + n++, sample.text()});
    }
    Dataset<Row> tokens = new TextAnalyzer().transform(new LanguageDetector().transform(
            rows(new StructType().add("doc_id", "string").add("body", "string"), docs.toArray(Object[][]::new))))
        .select(col("doc_id"), explode(col("parts")).as("part"))
        .select(col("doc_id"), col("part.language").as("language"), col("part.tokens").as("tokens"));

    var shingles = udf((UDF1<Seq<String>, List<String>>) ShingleSignaturesTest::shingles,
        DataTypes.createArrayType(DataTypes.StringType, false));
    Dataset<Row> hashed = new HashingTF().setInputCol("shingles").setOutputCol("set")
        .setNumFeatures(ShingleSignatures.FEATURES).setBinary(true)
        .transform(tokens.withColumn("shingles", shingles.apply(col("tokens")))
            .filter(size(col("shingles")).geq(NearDuplicates.MIN_SHINGLES)));
    List<Row> spark = new MinHashLSH().setInputCol("set").setOutputCol("hashes")
        .setNumHashTables(NearDuplicates.BANDS * NearDuplicates.ROWS).setSeed(SEED).fit(hashed).transform(hashed)
        .select("doc_id", "language", "set", "hashes").orderBy("doc_id", "language").collectAsList();
    var sign = udf(new ShingleSignatures(SHINGLE, SEED), ShingleSignatures.SCHEMA);
    List<Row> ours = tokens.withColumn("signature", sign.apply(col("tokens"))).filter(col("signature").isNotNull())
        .select(col("doc_id"), col("language"), col("signature.shingle_set"), col("signature.bands"))
        .orderBy("doc_id", "language").collectAsList();

    assertThat(ours).hasSameSizeAs(spark).hasSizeGreaterThan(200);
    for (int i = 0; i < ours.size(); i++) {
      Row expected = spark.get(i);
      Row actual = ours.get(i);
      assertThat(actual.getString(0)).isEqualTo(expected.getString(0));
      assertThat(NearDuplicates.ints(actual.getAs(2))).isEqualTo(expected.<Vector>getAs(2).toSparse().indices());
      assertThat(actual.<String>getList(3)).isEqualTo(bandKeys(expected.getList(3)));
    }
  }

  private static List<String> shingles(Seq<String> tokens) {
    List<String> terms = CollectionConverters.asJava(tokens);
    List<String> shingles = new ArrayList<>();
    for (int i = 0; i + SHINGLE <= terms.size(); i++) {
      shingles.add(String.join(" ", terms.subList(i, i + SHINGLE)));
    }
    if (shingles.isEmpty() && !terms.isEmpty()) {
      shingles.add(String.join(" ", terms));
    }
    return shingles;
  }

  private static List<String> bandKeys(List<Vector> hashes) {
    List<String> keys = new ArrayList<>();
    for (int band = 0; band < NearDuplicates.BANDS; band++) {
      StringBuilder key = new StringBuilder().append(band).append(':');
      for (int row = 0; row < NearDuplicates.ROWS; row++) {
        key.append((long) hashes.get(band * NearDuplicates.ROWS + row).apply(0)).append(',');
      }
      keys.add(key.toString());
    }
    return keys;
  }
}
