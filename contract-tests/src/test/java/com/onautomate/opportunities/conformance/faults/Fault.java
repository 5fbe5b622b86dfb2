package com.onautomate.opportunities.conformance.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One realistic bug, injected by {@link FaultProxy}: it may answer by itself, change the request on its way in, or
 * change the response on its way out.
 */
interface Fault {
  Fault NONE = new Fault() { };

  /** A request as the proxy received it; the raw query is kept as sent. */
  record Req(String method, String path, String query, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return Json.parse(text());
    }

    Req withBody(String b) {
      return new Req(method, path, query, headers, b.getBytes(StandardCharsets.UTF_8));
    }

    Req withQuery(String q) {
      return new Req(method, path, q, headers, body);
    }

    Req withPath(String p) {
      return new Req(method, p, query, headers, body);
    }

    Req withHeader(String name, String value) {
      return new Req(method, path, query, Fault.withHeader(headers, name, value), body);
    }

    String auth() {
      return headers.get("Authorization");
    }

    /** List path: /v1/pipelines/{p}/opportunities (with or without a trailing slash). */
    boolean isCollection() {
      return path.matches("/v1/pipelines/[^/]+/opportunities/?");
    }

    boolean isItem() {
      return path.matches("/v1/pipelines/[^/]+/opportunities/[^/]+/?");
    }

    boolean isStatus() {
      return path.matches("/v1/pipelines/[^/]+/opportunities/[^/]+/status/?");
    }

    String itemId() {
      String[] parts = path.split("/");
      return parts.length > 5 ? parts[5] : null;
    }

    boolean hasParam(String name) {
      return FaultProxy.split(query).stream().anyMatch(p -> p.startsWith(name + "="));
    }
  }

  /** A response on its way back. */
  record Res(int status, Map<String, String> headers, byte[] body) {
    static Res json(int status, String body) {
      Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      h.put("Content-Type", "application/json");
      return new Res(status, h, body.getBytes(StandardCharsets.UTF_8));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return Json.parse(text());
    }

    boolean isSuccessLike() {
      return status >= 200 && status < 300;
    }

    Res withBody(String b) {
      return new Res(status, headers, b.getBytes(StandardCharsets.UTF_8));
    }

    Res withJson(JsonNode n) {
      return withBody(Json.write(n));
    }

    Res withStatus(int s) {
      return new Res(s, headers, body);
    }

    Res withHeader(String name, String value) {
      return new Res(status, Fault.withHeader(headers, name, value), body);
    }

    /** The opportunities in this body: the body itself, or the list's items. */
    Iterable<JsonNode> opportunities() {
      JsonNode n = json();
      if (n == null) {
        return java.util.List.of();
      }
      if (n.has("opportunities")) {
        return n.get("opportunities");
      }
      return n.has("id") ? java.util.List.of(n) : java.util.List.of();
    }
  }

  /** Answers instead of the server (null: forward). */
  default Res answer(Req r) {
    return null;
  }

  default Req request(Req r) {
    return r;
  }

  default Res response(Req r, Res res) {
    return res;
  }

  /** Forgets what an earlier run taught a stateful fault. */
  default void reset() {
  }

  static ObjectNode obj(JsonNode n) {
    return (ObjectNode) n;
  }

  /** A copy of these headers with one set, or removed when {@code value} is null; names case-insensitive. */
  static Map<String, String> withHeader(Map<String, String> headers, String name, String value) {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    if (value == null) {
      h.remove(name);
    } else {
      h.put(name, value);
    }
    return h;
  }
}
