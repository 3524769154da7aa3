package org.polycorpus.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.Columns;
import scala.collection.immutable.Seq;

/**
 * {@link ShingleSignatures} of each language part of a text (its languages and their tokens, in
 * step), for the parts long enough to compare: computed while the tokens are at hand, so the
 * duplicate search reads a few numbers per part instead of every token again.
 */
final class PartSignatures implements UDF2<Seq<String>, Seq<Seq<String>>, List<Row>> {
  static final StructType PART = new StructType()
      .add(Columns.LANGUAGE, DataTypes.StringType, false)
      .add(ShingleSignatures.SET, ShingleSignatures.SCHEMA.apply(ShingleSignatures.SET).dataType(), false)
      .add(ShingleSignatures.BANDS, ShingleSignatures.SCHEMA.apply(ShingleSignatures.BANDS).dataType(), false);

  private final ShingleSignatures signatures;

  PartSignatures(int shingle, long seed) {
    this.signatures = new ShingleSignatures(shingle, seed);
  }

  @Override
  public List<Row> call(Seq<String> languages, Seq<Seq<String>> tokens) {
    List<Row> signed = new ArrayList<>();
    for (int part = 0; part < languages.size(); part++) {
      Row signature = signatures.call(tokens.apply(part));
      if (signature != null) {
        signed.add(RowFactory.create(languages.apply(part), signature.get(0), signature.get(1)));
      }
    }
    return signed;
  }
}
