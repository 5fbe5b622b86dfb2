package com.onautomate.opportunities.conformance.cassette;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One exchange as a cassette holds it: the request as sent (path relative to the base URL), the answer or why none
 * came, and every selected check's verdict.
 *
 * @param id the exchange's number in the run, from 1
 * @param recordedAt when the request was sent
 * @param operation the operation's label ({@code GET /v1/pipelines/{pipelineId}/opportunities})
 * @param kind what the case was meant to be; decides what the data-acceptance checks expect
 * @param phase the run's phase ({@code EXAMPLES} … {@code SEMANTIC}), or null for live traffic through the proxy
 * @param step what the exchange was in a sequence or scenario ({@code NONE} for a case judged alone)
 * @param target the body property or parameter a negative case breaks, or null
 */
public record Interaction(int id, Instant recordedAt, String operation, Kind kind, String phase, String step,
                          String description, String target, Request request, Response response,
                          List<Verdict> checks) {
  private static final Pattern LONE_SURROGATE =
      Pattern.compile("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

  public Interaction {
    checks = List.copyOf(checks);
  }

  /** An exchange the recorder just recorded, with its verdicts. */
  static Interaction of(int id, Exchange exchange, List<Verdict> checks) {
    Response response = exchange.response();
    Instant sent = Instant.now().minusNanos((long) (response.elapsedMillis() * 1_000_000));
    return new Interaction(id, sent, exchange.operation().label(), exchange.kind(),
        exchange.testCase().phase() == null ? null : exchange.testCase().phase().name(), exchange.step().name(),
        text(exchange.testCase().description()), text(exchange.testCase().target()), exchange.request(), response,
        checks);
  }

  /**
   * Text a cassette can hold: a lone surrogate (the suite's stand-in for a raw byte, in a description or a failure
   * message) as U+FFFD, since neither YAML nor JSON can write one. Bodies keep their bytes (base64).
   */
  static String text(String s) {
    return s == null ? null : LONE_SURROGATE.matcher(s).replaceAll("\uFFFD");
  }

  /** {@code FAILURE} when a check failed, else {@code SUCCESS} (Schemathesis's interaction status). */
  public Verdict.Status status() {
    return checks.stream().anyMatch(Verdict::failed) ? Verdict.Status.FAILURE : Verdict.Status.SUCCESS;
  }

  /** The names of the checks that failed. */
  public List<String> failedChecks() {
    return checks.stream().filter(Verdict::failed).map(Verdict::name).toList();
  }
}
