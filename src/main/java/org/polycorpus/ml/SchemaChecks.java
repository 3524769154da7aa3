package org.polycorpus.ml;

import java.util.Arrays;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Input-column checks for {@code transformSchema}, with messages that name what is wrong. */
public final class SchemaChecks {
  private SchemaChecks() {}

  public static void requireColumn(StructType schema, String column, DataType expected) {
    if (!Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException("Input column " + column + " is missing; the input has "
          + String.join(", ", schema.fieldNames()));
    }
    DataType actual = schema.apply(column).dataType();
    if (!actual.sameType(expected)) {
      throw new IllegalArgumentException("Input column " + column + " must be of type "
          + expected.catalogString() + " but is of type " + actual.catalogString());
    }
  }

  public static StructType appendColumn(StructType schema, String column, DataType type, boolean nullable) {
    if (Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException("Output column " + column + " already exists");
    }
    return schema.add(new StructField(column, type, nullable, org.apache.spark.sql.types.Metadata.empty()));
  }
}
