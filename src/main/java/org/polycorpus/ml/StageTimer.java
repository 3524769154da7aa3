package org.polycorpus.ml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall-clock seconds per named stage, summed over calls (stages run once per language). */
public final class StageTimer {
  private final Map<String, Double> seconds = new LinkedHashMap<>();

  public synchronized <T> T time(String stage, Supplier<T> work) {
    long started = System.nanoTime();
    try {
      return work.get();
    } finally {
      seconds.merge(stage, (System.nanoTime() - started) / 1e9, Double::sum);
    }
  }

  public void time(String stage, Runnable work) {
    time(stage, () -> {
      work.run();
      return null;
    });
  }

  public synchronized Map<String, Double> seconds() {
    Map<String, Double> rounded = new LinkedHashMap<>();
    seconds.forEach((stage, s) -> rounded.put(stage, Math.round(s * 1000) / 1000.0));
    return rounded;
  }
}
