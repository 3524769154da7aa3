package org.polycorpus.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Parse processes kept between the tasks of one executor. Starting one (a JVM loading Tika's
 * parsers) costs about 2 s, as much as parsing a few hundred pages; a task hands its process
 * back when it ends, and the executor's next task parses with it. Only a live process with no
 * parse under way is kept: one that timed out, crashed or ran out of memory was stopped and is
 * replaced, as within a task. Kept processes exit after a while unused, and with the executor
 * (their standard input closes).
 */
final class ParseProcessPool {
  private static final long IDLE_MILLIS = 30_000;

  private record Idle(ForkedParser parser, long since) {}

  private static final Deque<Idle> IDLE = new ArrayDeque<>();
  private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "polycorpus-parse-reaper");
    thread.setDaemon(true);
    return thread;
  });

  static {
    REAPER.scheduleWithFixedDelay(ParseProcessPool::closeIdle, IDLE_MILLIS, IDLE_MILLIS / 3, TimeUnit.MILLISECONDS);
  }

  private ParseProcessPool() {}

  /** A kept process started with these limits, or a new parser that starts one on its first file. */
  static ForkedParser take(ExtractionLimits limits) {
    synchronized (IDLE) {
      for (Iterator<Idle> kept = IDLE.iterator(); kept.hasNext(); ) {
        ForkedParser parser = kept.next().parser();
        if (parser.limits().equals(limits)) {
          kept.remove();
          return parser;
        }
      }
    }
    return new ForkedParser(limits);
  }

  /**
   * Has {@code count} processes kept for the first tasks (never more than the pool keeps),
   * starting those missing now: in local mode the executor is this JVM, and the processes boot
   * while Spark starts instead of in the first tasks. Processes an earlier run in this JVM kept
   * (a test suite's, a program running several jobs) have compiled what they run: they count,
   * and their idle time starts again.
   */
  static void startAhead(ExtractionLimits limits, int count) {
    int kept = 0;
    synchronized (IDLE) {
      Deque<Idle> refreshed = new ArrayDeque<>();
      for (Idle idle : IDLE) {
        boolean ready = idle.parser().limits().equals(limits) && idle.parser().idleAndAlive();
        refreshed.add(ready ? new Idle(idle.parser(), System.currentTimeMillis()) : idle);
        kept += ready ? 1 : 0;
      }
      IDLE.clear();
      IDLE.addAll(refreshed);
    }
    for (int i = kept; i < Math.min(count, maxKept()); i++) {
      ForkedParser parser = new ForkedParser(limits);
      parser.start();
      giveBack(parser);
    }
  }

  /** Keeps the parser's process for the next task if it is alive and idle; otherwise closes it. */
  static void giveBack(ForkedParser parser) {
    if (!parser.idleAndAlive()) {
      parser.close();
      return;
    }
    Idle surplus = null;
    synchronized (IDLE) {
      IDLE.addFirst(new Idle(parser, System.currentTimeMillis()));
      if (IDLE.size() > maxKept()) {
        surplus = IDLE.removeLast();
      }
    }
    if (surplus != null) {
      surplus.parser().close();
    }
  }

  /** One kept process per core: more could never be busy at once. */
  private static int maxKept() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static void closeIdle() {
    long cutoff = System.currentTimeMillis() - IDLE_MILLIS;
    Deque<Idle> expired = new ArrayDeque<>();
    synchronized (IDLE) {
      IDLE.removeIf(idle -> idle.since() < cutoff && expired.add(idle));
    }
    expired.forEach(idle -> idle.parser().close());
  }
}
