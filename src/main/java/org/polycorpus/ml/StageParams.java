package org.polycorpus.ml;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/** Typed Param factories for Java stages, so declarations stay one line each. */
public final class StageParams {
  private StageParams() {}

  public static Param<String> column(Params owner, String name, String doc) {
    return new Param<>(owner, name, doc);
  }

  public static IntParam atLeast(Params owner, String name, String doc, int min) {
    return new IntParam(owner, name, doc, ParamValidators.gtEq(min));
  }

  public static DoubleParam inRange(Params owner, String name, String doc, double min, double max) {
    return new DoubleParam(owner, name, doc, ParamValidators.inRange(min, max));
  }

  public static BooleanParam flag(Params owner, String name, String doc) {
    return new BooleanParam(owner, name, doc);
  }
}
