package org.polycorpus.app;

import java.util.concurrent.CountDownLatch;
import org.polycorpus.analysis.LanguageAnalyzers;
import org.polycorpus.language.LanguageGuess;
import org.polycorpus.stories.StoryLinks;

/**
 * Scala's runtime reflection, started on a thread of its own as early as a JVM can: a Spark
 * session's start needs it (MLlib's session extension builds its functions from type tags), and
 * in a cold JVM it took longer than the context's own start, which then waited for it. Started
 * once per JVM: by {@link LocalSubmit} before Spark's launcher parses its arguments, or else by
 * the session's start.
 *
 * <p>In a local run the executor's tasks run in this JVM too. There the same thread goes on to
 * build the tables the tasks would otherwise build on their first use, on cores the run needs
 * (language profiles, every analyzer, ICU's transliteration): it does so while the driver plans
 * the first job alone and a core is idle.
 */
final class SessionWarmUp {
  private static final CountDownLatch REFLECTION_READY = new CountDownLatch(1);
  private static boolean started;

  private SessionWarmUp() {}

  /** Starts the warm-up unless it has been started; {@code localTables} for a local run's JVM. */
  static synchronized void start(boolean localTables) {
    if (!started) {
      started = true;
      Thread thread = new Thread(() -> warmUp(localTables), "polycorpus-warm-up");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Waits until Scala's reflection is ready (starting the warm-up first if need be). */
  static void awaitReflection() {
    start(false);
    try {
      REFLECTION_READY.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void warmUp(boolean localTables) {
    try {
      startScalaReflection();
    } finally {
      REFLECTION_READY.countDown();
    }
    if (localTables) {
      try {
        LanguageGuess.loadProfiles();
        LanguageAnalyzers.warmUp();
        StoryLinks.warmUpNames();
      } catch (RuntimeException | LinkageError e) {
        // Only a head start: the tasks build what is missing, and report what cannot be built.
      }
    }
  }

  /** Initialises MLlib's session functions, which start Scala's runtime reflection. */
  private static void startScalaReflection() {
    try {
      Class.forName("org.apache.spark.sql.ml.InternalFunctionRegistration$", true,
          SessionWarmUp.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      // Not there or not loadable: the session's own start meets it and reports it.
    }
  }
}
