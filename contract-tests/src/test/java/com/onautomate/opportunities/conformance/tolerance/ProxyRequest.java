package com.onautomate.opportunities.conformance.tolerance;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A request as the {@link TolerantProxy} read it off the wire.
 *
 * @param path the raw path, below the API's prefix
 * @param rawQuery the raw query string, empty for none
 * @param headers name and value of each header line, names as sent
 */
record ProxyRequest(String method, String path, String rawQuery, List<Map.Entry<String, String>> headers,
                    byte[] body) {

  ProxyRequest {
    headers = List.copyOf(headers);
  }

  String header(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
        .orElse(null);
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON, or null when it is not JSON. */
  JsonNode json() {
    return Json.parse(text());
  }

  boolean hasJsonBody() {
    String type = header("Content-Type");
    return body.length > 0 && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
  }

  ProxyRequest withPath(String p) {
    return new ProxyRequest(method, p, rawQuery, headers, body);
  }

  ProxyRequest withQuery(String q) {
    return new ProxyRequest(method, path, q, headers, body);
  }

  ProxyRequest withBody(byte[] b) {
    return new ProxyRequest(method, path, rawQuery, headers, b);
  }

  /** The collection path, {@code /v1/pipelines/{p}/opportunities}. */
  boolean isCollection() {
    return path.matches("/v1/pipelines/[^/]+/opportunities/?");
  }

  /** A documented operation that reads a body: a create, an update or a status change. */
  boolean sendsBody() {
    return method.equals("POST") && isCollection()
        || method.equals("PUT") && path.matches("/v1/pipelines/[^/]+/opportunities/[^/]+(/status)?/?");
  }
}
