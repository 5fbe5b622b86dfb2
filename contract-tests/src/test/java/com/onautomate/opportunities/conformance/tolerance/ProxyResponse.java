package com.onautomate.opportunities.conformance.tolerance;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response on its way back through the {@link TolerantProxy}: a JSON body is kept as a tree until it is written, so
 * that a variation can change its values and the way it is spelled.
 *
 * @param headers name and value of each header line, in order (a name may repeat)
 * @param json the body when it is JSON, else null
 * @param raw the body when it is not JSON (empty for none), else null
 */
record ProxyResponse(int status, List<Map.Entry<String, String>> headers, JsonNode json, byte[] raw) {

  ProxyResponse {
    headers = List.copyOf(headers);
  }

  /** A JSON answer the proxy makes itself. */
  static ProxyResponse json(int status, String body) {
    return new ProxyResponse(status, List.of(Map.entry("Content-Type", "application/json")), Json.parse(body), null);
  }

  String header(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
        .orElse(null);
  }

  boolean hasBody() {
    return json != null || raw.length > 0;
  }

  /** The body's bytes when it is not JSON. */
  String rawText() {
    return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
  }

  /** A copy with every header of that name replaced by one, or removed when {@code value} is null. */
  ProxyResponse withHeader(String name, String value) {
    List<Map.Entry<String, String>> h = new ArrayList<>();
    headers.stream().filter(e -> !e.getKey().equalsIgnoreCase(name)).forEach(h::add);
    if (value != null) {
      h.add(Map.entry(name, value));
    }
    return new ProxyResponse(status, h, json, raw);
  }

  /** A copy with one more header line. */
  ProxyResponse plusHeader(String name, String value) {
    List<Map.Entry<String, String>> h = new ArrayList<>(headers);
    h.add(Map.entry(name, value));
    return new ProxyResponse(status, h, json, raw);
  }

  ProxyResponse withHeaders(List<Map.Entry<String, String>> h) {
    return new ProxyResponse(status, h, json, raw);
  }

  ProxyResponse withStatus(int s) {
    return new ProxyResponse(s, headers, json, raw);
  }

  ProxyResponse withRaw(String text) {
    return new ProxyResponse(status, headers, null, text.getBytes(StandardCharsets.UTF_8));
  }
}
