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
import java.net.URISyntaxException;
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

  /**
   * A GET of a {@code nextPageUrl} as the server gave it (the contract's decision on {@code nextPageUrl}): an absolute
   * URL under the base URL under test — same scheme, host, port and path prefix, so that the token goes nowhere else —
   * or a path relative to the base URL, starting with {@code /}. Its query is sent exactly as written.
   *
   * @throws IllegalArgumentException saying why the URL cannot be followed
   */
  public Request follow(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("it is not a URL (" + e.getReason() + ")");
    }
    URI base = URI.create(Request.stripSlash(options.baseUrl()));
    String prefix = base.getRawPath() == null ? "" : base.getRawPath();
    String path;
    if (u.isAbsolute()) {
      if (!sameOrigin(u, base)) {
        throw new IllegalArgumentException("it points to another server than the base URL " + base);
      }
      String p = u.getRawPath() == null ? "" : u.getRawPath();
      if (!p.startsWith(prefix + "/")) {
        throw new IllegalArgumentException("it is not under the base URL's path " + base);
      }
      path = p.substring(prefix.length());
    } else {
      if (u.getRawAuthority() != null || u.getRawPath() == null || !u.getRawPath().startsWith("/")) {
        throw new IllegalArgumentException("a relative nextPageUrl is a path relative to the base URL, starting "
            + "with /");
      }
      path = u.getRawPath();
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
    return new Request("GET", path, query, headers(options.token(), null), null, u.getRawQuery());
  }

  /** Same scheme, host and port (a missing port is the scheme's default). */
  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
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
