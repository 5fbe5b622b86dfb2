package com.onautomate.opportunities.conformance.engine;

import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.http.Sender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Sends cases and records every exchange: one at a time for the sequences and scenarios, or a phase's independent
 * cases {@value #THREADS} at a time, their verdicts recorded in case order so that reports do not depend on timing.
 *
 * <pre>{@code Exchange e = dispatcher.send(testCase, Step.DELETE, Facts.NONE);}</pre>
 */
public final class Dispatcher implements AutoCloseable {
  /** Requests in flight at once in the examples, coverage and fuzzing phases. */
  private static final int THREADS = 4;

  private final Sender sender;
  private final Recorder recorder;
  private final Consumer<Exchange> observer;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
    Thread t = new Thread(r, "conformance-sender");
    t.setDaemon(true);
    return t;
  });

  /**
   * A dispatcher sending through {@code sender}.
   *
   * @param observer sees every exchange before it is recorded (in case order), e.g. to track what the run created
   */
  Dispatcher(Sender sender, Recorder recorder, Consumer<Exchange> observer) {
    this.sender = sender;
    this.recorder = recorder;
    this.observer = observer;
  }

  /** Sends a plain case and records its exchange. */
  public Exchange send(TestCase c) {
    return send(c, Step.NONE, Facts.NONE);
  }

  /** Sends a step of a sequence or scenario and records its exchange with the step's facts. */
  public Exchange send(TestCase c, Step step, Facts facts) {
    return record(new Exchange(c, transmit(c.request()), step, facts));
  }

  /**
   * Sends a request without recording it, for a step whose facts depend on the answer (a page of a walk): build the
   * exchange, then {@link #record} it.
   */
  public Response transmit(Request request) {
    return sender.send(request);
  }

  /** Records an exchange sent with {@link #transmit}: the observer sees it, every selected check judges it. */
  public Exchange record(Exchange exchange) {
    observer.accept(exchange);
    recorder.record(exchange);
    return exchange;
  }

  /** Sends independent cases on the pool (judged there too); records their verdicts in case order. */
  public void sendAll(List<TestCase> cases) {
    List<Future<Judged>> futures = new ArrayList<>(cases.size());
    for (TestCase c : cases) {
      futures.add(pool.submit(() -> {
        Exchange e = new Exchange(c, transmit(c.request()));
        return new Judged(e, recorder.judge(e));
      }));
    }
    for (Future<Judged> f : futures) {
      Judged j;
      try {
        j = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
      observer.accept(j.exchange());
      recorder.apply(j.exchange(), j.results());
    }
  }

  /** Stops the sending threads. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  private record Judged(Exchange exchange, List<CheckResult> results) {
  }
}
