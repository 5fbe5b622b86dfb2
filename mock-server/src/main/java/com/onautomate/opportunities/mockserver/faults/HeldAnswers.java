package com.onautomate.opportunities.mockserver.faults;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
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

  /**
   * A connection dropped on purpose ({@code ConnectionCloser}) off Tomcat's request thread is an
   * I/O error to Tomcat, which would then send its error page (a 500, or an error body after half
   * an answer) unless a listener ends the request first: this one does, so the drop stays a drop.
   */
  private static final AsyncListener ENDS_ON_ERROR = new AsyncListener() {
    @Override
    public void onError(AsyncEvent event) {
      try {
        event.getAsyncContext().complete();
      } catch (IllegalStateException e) {
        // completed already by the held answer's own finish
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onTimeout(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
  };

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
    async.addListener(ENDS_ON_ERROR);
    timer.schedule(() -> {
      try {
        async.start(() -> {
          try {
            finish.run();
          } finally {
            try {
              async.complete();
            } catch (IllegalStateException e) {
              // ended already: a dropped connection's error completed it (ENDS_ON_ERROR)
            }
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
