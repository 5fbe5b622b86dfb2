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
 * cases several at a time ({@code --workers}), their verdicts recorded in case order so that reports do not depend on
 * timing or on the number of workers.
 * The {@code 429} answers a request got before its last answer (waited out by the sender) are recorded first, as
 * {@link Step#RATE_LIMITED} exchanges of the same case.
 *
 * <pre>{@code Exchange e = dispatcher.send(testCase, Step.DELETE, Facts.NONE);}</pre>
 */
public final class Dispatcher implements AutoCloseable {
  private final Sender sender;
  private final Recorder recorder;
  private final Consumer<Exchange> observer;
  private final ExecutorService pool;

  /**
   * A dispatcher sending through {@code sender}.
   *
   * @param observer sees every exchange before it is recorded (in case order), e.g. to track what the run created
   * @param workers requests in flight at once in {@link #sendAll}
   */
  Dispatcher(Sender sender, Recorder recorder, Consumer<Exchange> observer, int workers) {
    this.sender = sender;
    this.recorder = recorder;
    this.observer = observer;
    this.pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "conformance-sender");
      t.setDaemon(true);
      return t;
    });
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
   * exchange, then {@link #record} it. Never throws: a request without a complete answer gets an unanswered response.
   */
  public Response transmit(Request request) {
    return sender.send(request);
  }

  /**
   * Sends a candidate of a shrinking search without recording it: it counts in no tally and the observer does not see
   * it (whoever sends it deletes what it creates, or hands it to {@link #track}).
   */
  public Exchange trial(TestCase c) {
    return new Exchange(c, transmit(c.request()));
  }

  /** Lets the observer see an exchange that is not recorded (a create to delete at the end of the run). */
  public void track(Exchange e) {
    observer.accept(e);
  }

  /** Records an exchange sent with {@link #transmit}: the observer sees it, every selected check judges it. */
  public Exchange record(Exchange exchange) {
    for (Exchange waited : rateLimited(exchange)) {
      recorder.record(waited);
    }
    observer.accept(exchange);
    recorder.record(exchange);
    return exchange;
  }

  /** Sends independent cases on the pool (judged there too); records their verdicts in case order. */
  public void sendAll(List<TestCase> cases) {
    List<Future<List<Judged>>> futures = new ArrayList<>(cases.size());
    for (TestCase c : cases) {
      futures.add(pool.submit(() -> {
        Exchange e = new Exchange(c, transmit(c.request()));
        List<Judged> judged = new ArrayList<>();
        for (Exchange waited : rateLimited(e)) {
          judged.add(new Judged(waited, recorder.judge(waited), false));
        }
        judged.add(new Judged(e, recorder.judge(e), true));
        return judged;
      }));
    }
    for (Future<List<Judged>> f : futures) {
      List<Judged> judged;
      try {
        judged = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a defect of the suite while sending a case", e.getCause());
      }
      for (Judged j : judged) {
        if (j.observed()) {
          observer.accept(j.exchange());
        }
        recorder.apply(j.exchange(), j.results());
      }
    }
  }

  /** The 429 answers that the exchange's request got before its answer, as exchanges of the same case. */
  private static List<Exchange> rateLimited(Exchange exchange) {
    List<Exchange> out = new ArrayList<>();
    for (Response earlier : exchange.response().rateLimitedBefore()) {
      out.add(new Exchange(exchange.testCase(), earlier, Step.RATE_LIMITED, Facts.NONE));
    }
    return out;
  }

  /** Stops the sending threads. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  private record Judged(Exchange exchange, List<CheckResult> results, boolean observed) {
  }
}
