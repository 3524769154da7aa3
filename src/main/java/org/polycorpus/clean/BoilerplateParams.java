package org.polycorpus.clean;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.ml.SchemaChecks;
import org.polycorpus.ml.StageParams;

/** The column params shared by {@link BoilerplateRemover} and {@link BoilerplateRemoverModel}, declared once. */
public interface BoilerplateParams extends Params {
  record Declared(Param<String> inputCol, Param<String> outputCol, Param<String> removedCharsCol) {}

  Declared declared();

  default Param<String> inputCol() { return declared().inputCol(); }
  default Param<String> outputCol() { return declared().outputCol(); }
  default Param<String> removedCharsCol() { return declared().removedCharsCol(); }

  static Declared declare(Params owner) {
    Declared declared = new Declared(
        StageParams.column(owner, "inputCol", "text column, lines separated by \\n (default: text)"),
        StageParams.column(owner, "outputCol", "text without boilerplate (default: body)"),
        StageParams.column(owner, "removedCharsCol", "characters removed (default: boilerplate_chars)"));
    owner.setDefault(declared.inputCol(), "text");
    owner.setDefault(declared.outputCol(), "body");
    owner.setDefault(declared.removedCharsCol(), "boilerplate_chars");
    return declared;
  }

  static StructType outputSchema(BoilerplateParams stage, StructType schema) {
    SchemaChecks.requireColumn(schema, stage.$(stage.inputCol()), DataTypes.StringType);
    StructType out = SchemaChecks.appendColumn(schema, stage.$(stage.outputCol()), DataTypes.StringType, false);
    return SchemaChecks.appendColumn(out, stage.$(stage.removedCharsCol()), DataTypes.IntegerType, false);
  }
}
