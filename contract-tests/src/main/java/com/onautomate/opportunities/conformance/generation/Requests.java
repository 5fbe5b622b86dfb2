package com.onautomate.opportunities.conformance.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.PathTemplate;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one request builder: every request the suite sends gets its path, bearer token and configured headers here.
 *
 * <pre>{@code Request r = requests.build(get, requests.pathParams(get, id), List.of(), null, options.token());}</pre>
 */
public final class Requests {
  private final RunOptions options;

  public Requests(RunOptions options) {
    this.options = options;
  }

  /** A request for an operation with the given pieces; the standard headers are added. */
  public Request build(Operation op, Map<String, String> pathParams, List<Map.Entry<String, String>> query,
                       String body, String token) {
    return new Request(op.method(), op.pathTemplate().fill(pathParams), query, headers(token, body), body);
  }

  /** The path parameters of an operation: the pipeline under test and {@code opportunityId} (a mutable map). */
  public Map<String, String> pathParams(Operation op, String opportunityId) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Parameter p : op.parameters("path")) {
      out.put(p.getName(), p.getName().equals("pipelineId") ? options.pipelineId() : opportunityId);
    }
    return out;
  }

  /** A valid case of an operation, sent with the run's token. */
  public TestCase positive(Operation op, Phase phase, String description, String opportunityId,
                           List<Map.Entry<String, String>> query, JsonNode body) {
    return new TestCase(op, phase, Kind.POSITIVE, description, null,
        build(op, pathParams(op, opportunityId), query, body == null ? null : Json.write(body), options.token()));
  }

  /** A GET of a URL the server gave (e.g. {@code nextPageUrl}), sent to the base URL under test with the run's token. */
  public Request follow(String url) {
    URI u = URI.create(url);
    if (u.getRawPath() == null) {
      throw new IllegalArgumentException("not a URL with a path: " + url);
    }
    List<Map.Entry<String, String>> query = new ArrayList<>();
    if (u.getRawQuery() != null) {
      for (String kv : u.getRawQuery().split("&", -1)) {
        if (kv.isEmpty()) {
          continue; // "a=1&&b=2" and a trailing "&" name no parameter
        }
        int eq = kv.indexOf('=');
        String k = PathTemplate.decode(eq < 0 ? kv : kv.substring(0, eq));
        String v = eq < 0 ? "" : PathTemplate.decode(kv.substring(eq + 1));
        query.add(Map.entry(k, v));
      }
    }
    return new Request("GET", u.getRawPath(), query, headers(options.token(), null), null);
  }

  private Map<String, String> headers(String token, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    options.headers().forEach(headers::putIfAbsent);
    return headers;
  }
}
