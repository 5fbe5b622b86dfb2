package com.onautomate.opportunities.conformance.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP response as received, or the lack of one: a request can end without a complete answer (connection refused
 * or closed mid-body, no answer within the request timeout), which the checks judge like any other answer.
 *
 * @param status the status code; 0 when there is no answer
 * @param headers header name (case-insensitive) to values
 * @param elapsedMillis time from sending to the whole body received (or to giving up)
 * @param noAnswer why there is no complete answer, in words; null when there is one
 * @param prior the {@code 429} answer that was waited out before this request was sent again (as OkHttp's
 *     {@code priorResponse()}), or null
 */
public record Response(int status, Map<String, List<String>> headers, String body, double elapsedMillis,
                       String noAnswer, Response prior) {

  public Response {
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    headers = java.util.Collections.unmodifiableMap(h);
    body = body == null ? "" : body;
  }

  /** A complete answer. */
  public Response(int status, Map<String, List<String>> headers, String body, double elapsedMillis) {
    this(status, headers, body, elapsedMillis, null, null);
  }

  /** No complete answer, for the reason given ("connection closed after 12 bytes of the body"). */
  public static Response unanswered(String why, double elapsedMillis) {
    return new Response(0, Map.of(), "", elapsedMillis, why, null);
  }

  /** This answer, received after {@code earlier} (a 429) was waited out. */
  public Response after(Response earlier) {
    return new Response(status, headers, body, elapsedMillis, noAnswer, earlier);
  }

  /** Whether a complete answer arrived. */
  public boolean answered() {
    return noAnswer == null;
  }

  /** The 429 answers waited out before this one, oldest first. */
  public List<Response> rateLimitedBefore() {
    List<Response> out = new ArrayList<>();
    for (Response r = prior; r != null; r = r.prior) {
      out.add(0, r);
    }
    return out;
  }

  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public boolean is2xx() {
    return status >= 200 && status < 300;
  }

  /** The answer in a few words, for notes on what could not be sent: "answered 422", "got no complete answer (…)". */
  public String brief() {
    return answered() ? "answered " + status : "got no complete answer (" + noAnswer + ")";
  }

  /** A short description for failure messages: {@code 422 {"title":...}}, or why no answer came. */
  public String describe() {
    if (!answered()) {
      return "no complete answer: " + noAnswer;
    }
    String b = body.length() > 300 ? body.substring(0, 300) + "…" : body;
    return status + (b.isEmpty() ? " (empty body)" : " " + b.replace('\n', ' ').replace('\r', ' '));
  }
}
