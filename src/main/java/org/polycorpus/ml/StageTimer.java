package org.polycorpus.ml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock seconds per named stage, summed over calls (stages run once per language, and
 * languages run on several threads at once).
 */
public final class StageTimer {
  private final Map<String, Double> seconds = new LinkedHashMap<>();

  public <T> T time(String stage, Supplier<T> work) {
    long started = System.nanoTime();
    try {
      return work.get();
    } finally {
      double elapsed = (System.nanoTime() - started) / 1e9;
      add(stage, elapsed);
    }
  }

  public void time(String stage, Runnable work) {
    time(stage, () -> {
      work.run();
      return null;
    });
  }

  /** Seconds measured elsewhere (inside a Spark task) for a stage. */
  public synchronized void add(String stage, double elapsed) {
    seconds.merge(stage, elapsed, Double::sum);
  }

  public synchronized Map<String, Double> seconds() {
    Map<String, Double> rounded = new LinkedHashMap<>();
    seconds.forEach((stage, s) -> rounded.put(stage, Math.round(s * 1000) / 1000.0));
    return rounded;
  }
}
