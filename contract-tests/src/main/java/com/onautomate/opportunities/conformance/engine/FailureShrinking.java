package com.onautomate.opportunities.conformance.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.report.Shrinking;
import com.onautomate.opportunities.conformance.shrinking.ShrinkLimits;
import com.onautomate.opportunities.conformance.shrinking.Shrinker;
import com.onautomate.opportunities.conformance.shrinking.Shrunk;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shrinks the example of each new failure group after a phase's verdicts are recorded, one group after the other, so
 * that the report is the same with any number of workers. Candidates go out through {@link Dispatcher#trial}
 * (recorded in no tally) and are judged by the check that failed; what they create is deleted right after the search
 * (unrecorded too), so that shrinking leaves the server as it found it for the rest of the run.
 */
final class FailureShrinking {
  private final Recorder recorder;
  private final Dispatcher dispatcher;
  private final Session session;
  private final ShrinkLimits limits;
  private final Shrinker shrinker;

  FailureShrinking(Recorder recorder, Session session, ShrinkLimits limits, Shrinker shrinker) {
    this.recorder = recorder;
    this.dispatcher = session.dispatcher();
    this.session = session;
    this.limits = limits;
    this.shrinker = shrinker;
  }

  /** Shrinks every failure group whose example is a generated case not searched yet (nothing with shrinking off). */
  void shrinkNewFailures() {
    if (!limits.enabled()) {
      return;
    }
    for (Recorder.Representative r : recorder.toShrink()) {
      TestCase generated = r.exchange().testCase();
      int[] sent = {0};
      List<Exchange> created = new ArrayList<>();
      Shrinking how;
      TestCase minimal = generated;
      CheckResult.Failed failure = r.failure();
      try {
        Shrunk s = shrinker.shrink(generated, r.failure(), candidate -> {
          Exchange e = dispatcher.trial(candidate);
          sent[0] += 1 + e.response().rateLimitedBefore().size();
          if (e.operation() == session.operations().create() && e.answeredId() != null) {
            created.add(e);
          }
          return recorder.judge(r.check(), e) instanceof CheckResult.Failed f && recorder.sameFailure(r, f) ? f : null;
        });
        minimal = s.minimal();
        failure = s.failure();
        how = s.tries() == 0 && s.stoppedBy() == null ? null : new Shrinking(generated.description(),
            recorder.curl(generated), size(generated), sent[0], s.smaller(), stoppedBy(s.stoppedBy()));
      } catch (RuntimeException e) { // a defect of the suite: the failure is reported as generated, never lost
        how = new Shrinking(generated.description(), recorder.curl(generated), size(generated), sent[0], false,
            "a defect of the suite (" + e.getClass().getSimpleName() + ")");
      }
      recorder.shrunk(r, minimal, failure, how, delete(created));
    }
  }

  /**
   * Deletes what candidates created, unrecorded; one whose delete is not answered 2xx or 404 is left to the run's
   * clean-up. Returns the requests sent.
   */
  private int delete(List<Exchange> created) {
    int sent = 0;
    Operation delete = session.operations().delete();
    for (Exchange e : created) {
      TestCase c = session.requests().positive(delete, Phase.SEMANTIC, "clean-up", e.answeredId(), List.of(), null);
      Response answer = dispatcher.transmit(c.request());
      sent += 1 + answer.rateLimitedBefore().size();
      if (!answer.is2xx() && answer.status() != 404) {
        dispatcher.track(e);
      }
    }
    return sent;
  }

  /** The budget that stopped a search, with its size: "the request budget (100 requests)"; null for none. */
  private String stoppedBy(Shrunk.Stop stop) {
    if (stop == null) {
      return null;
    }
    return stop.words() + (stop == Shrunk.Stop.REQUEST_BUDGET ? " (" + limits.maxRequests() + " requests)"
        : String.format(Locale.ROOT, " (%.1f s)", limits.maxTime().toMillis() / 1000.0));
  }

  /** A case's size in words: "a body of 9 properties, 412 bytes; 2 query parameters". */
  static String size(TestCase c) {
    List<String> parts = new ArrayList<>();
    String body = c.request().body();
    if (body != null) {
      JsonNode json = Json.parse(body);
      int bytes = c.request().bodyBytes().length;
      parts.add(json != null && json.isObject()
          ? "a body of " + count(json.size(), "property", "properties") + ", " + count(bytes, "byte", "bytes")
          : "a body of " + count(bytes, "byte", "bytes"));
    }
    if (!c.request().query().isEmpty()) {
      parts.add(count(c.request().query().size(), "query parameter", "query parameters"));
    }
    return parts.isEmpty() ? "no body, no query" : String.join("; ", parts);
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
