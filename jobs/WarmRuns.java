import org.polycorpus.app.PolycorpusMain;

/**
 * Runs polycorpus several times in one JVM, each run into a folder of its own below --output
 * (run-1, run-2, ...), and prints each run's wall seconds and the heap in use after it: after
 * the first run the JIT has compiled the job's code and the kept parse processes theirs, so later
 * runs show what a run costs without a cold start. Started by jobs/benchmark-warm.sh through
 * jobs/run-local.sh; the number of runs is POLYCORPUS_WARM_RUNS (default 3).
 */
public final class WarmRuns {
  public static void main(String[] args) {
    int runs = Integer.parseInt(System.getenv().getOrDefault("POLYCORPUS_WARM_RUNS", "3"));
    int status = 0;
    for (int run = 1; run <= runs && status == 0; run++) {
      String[] runArgs = args.clone();
      for (int i = 0; i + 1 < runArgs.length; i++) {
        if (runArgs[i].equals("--output")) {
          runArgs[i + 1] = runArgs[i + 1] + "/run-" + run;
        }
      }
      long started = System.nanoTime();
      status = PolycorpusMain.run(runArgs);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.gc(); // each run starts on a collected heap; what survives is what runs leave behind
      Runtime heap = Runtime.getRuntime();
      System.out.printf("warm-runs: run %d of %d in one JVM: %.1f s, heap in use after it %d MB%n", run, runs,
          seconds, (heap.totalMemory() - heap.freeMemory()) >> 20);
    }
    System.exit(status);
  }
}
