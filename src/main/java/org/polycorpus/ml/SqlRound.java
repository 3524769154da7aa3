package org.polycorpus.ml;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Spark SQL's {@code round} in plain Java, for tables computed inside a task. */
public final class SqlRound {
  private SqlRound() {}

  /** Half up, on the shortest decimal that prints the double, as Spark rounds. */
  public static double round(double value, int decimals) {
    return Double.isNaN(value) || Double.isInfinite(value) ? value
        : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }
}
