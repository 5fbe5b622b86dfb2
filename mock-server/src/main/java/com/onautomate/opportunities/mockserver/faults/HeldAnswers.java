package com.onautomate.opportunities.mockserver.faults;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Holds answers for their delay without holding a Tomcat worker: the request goes asynchronous
 * (Servlet async), one timer thread waits out every delay, and the answer is then written on a
 * worker again ({@link AsyncContext#start}). A thousand delayed requests cost a thousand
 * buffered answers and one thread, not a thousand of the server's few workers (4 per core), so
 * delays never starve the requests that are not delayed.
 */
final class HeldAnswers implements AutoCloseable {

  /** How much longer than its delay an answer may take before Tomcat gives up on it (an error, never a hang). */
  private static final long GRACE_MILLIS = 60_000;

  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
    Thread thread = new Thread(runnable, "mock-server-delays");
    thread.setDaemon(true);
    return thread;
  });

  HeldAnswers() {
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Ends the request after {@code delayMillis}: {@code finish} writes (or drops) the answer on a Tomcat worker. */
  void hold(HttpServletRequest request, long delayMillis, Runnable finish) {
    AsyncContext async = request.startAsync();
    async.setTimeout(delayMillis + GRACE_MILLIS);
    timer.schedule(() -> {
      try {
        async.start(() -> {
          try {
            finish.run();
          } finally {
            async.complete();
          }
        });
      } catch (IllegalStateException e) {
        // the request ended meanwhile (the server is stopping, or it timed out): nothing left to answer
      }
    }, delayMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
