package org.polycorpus.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.polycorpus.SparkTestBase;

class CoherenceTest extends SparkTestBase {
  private static final StructType TOKENS = new StructType()
      .add("tokens", DataTypes.createArrayType(DataTypes.StringType, false));

  @Test
  void npmiOverDocumentCoOccurrence() {
    // a in 3 of 4 documents, b in 2, both in 2; c once, with a; b and c never together.
    Dataset<Row> docs = rows(TOKENS, new Object[] {List.of("a", "b", "b")}, new Object[] {List.of("b", "a")},
        new Object[] {List.of("a", "c")}, new Object[] {List.of("d")});
    double ab = Math.log(0.5 / (0.75 * 0.5)) / -Math.log(0.5);
    double ac = Math.log(0.25 / (0.75 * 0.25)) / -Math.log(0.25);
    Map<Integer, Double> coherence = Coherence.npmi(docs, "tokens", 4,
        Map.of(0, List.of("a", "b"), 1, List.of("b", "c"), 2, List.of("a", "b", "c"), 3, List.of("a")));
    assertThat(coherence.get(0)).isCloseTo(ab, within(1e-12));
    assertThat(coherence.get(1)).isEqualTo(-1.0);
    assertThat(coherence.get(2)).isCloseTo((ab + ac - 1) / 3, within(1e-12));
    assertThat(coherence.get(3)).isNaN();
  }

  @Test
  void termsInEveryDocumentAreFullyCoherent() {
    assertThat(Coherence.npmi(5, 5, 5, 5)).isEqualTo(1.0);
    assertThat(Coherence.npmi(2, 2, 2, 5)).isCloseTo(1.0, within(1e-12));
  }
}
