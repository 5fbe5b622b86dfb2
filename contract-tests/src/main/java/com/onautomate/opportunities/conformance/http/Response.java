package com.onautomate.opportunities.conformance.http;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP response as received.
 *
 * @param headers header name (case-insensitive) to values
 * @param elapsedMillis time from sending to the whole body received
 */
public record Response(int status, Map<String, List<String>> headers, String body, double elapsedMillis) {

  public Response {
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    headers = java.util.Collections.unmodifiableMap(h);
    body = body == null ? "" : body;
  }

  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public boolean is2xx() {
    return status >= 200 && status < 300;
  }

  /** A short description for failure messages: {@code 422 {"title":...}}. */
  public String describe() {
    String b = body.length() > 300 ? body.substring(0, 300) + "…" : body;
    return status + (b.isEmpty() ? " (empty body)" : " " + b.replace('\n', ' '));
  }
}
