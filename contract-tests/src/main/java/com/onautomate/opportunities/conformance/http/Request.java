package com.onautomate.opportunities.conformance.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request exactly as sent: method, path (already filled and encoded), query pairs, headers, body.
 *
 * @param body the raw body, or null for none
 */
public record Request(String method, String path, List<Map.Entry<String, String>> query,
                      Map<String, String> headers, String body) {

  public Request {
    query = List.copyOf(query);
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** Path plus encoded query string. */
  public String pathAndQuery() {
    if (query.isEmpty()) {
      return path;
    }
    StringBuilder sb = new StringBuilder(path).append('?');
    for (int i = 0; i < query.size(); i++) {
      if (i > 0) {
        sb.append('&');
      }
      sb.append(encode(query.get(i).getKey())).append('=').append(encode(query.get(i).getValue()));
    }
    return sb.toString();
  }

  public String url(String baseUrl) {
    return stripSlash(baseUrl) + pathAndQuery();
  }

  public static String stripSlash(String baseUrl) {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Encodes a query component or path segment (space as {@code %20}); {@link PathTemplate#decode} reverses it. */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A curl command line that sends this request again (the token shown as given). */
  public String toCurl(String baseUrl) {
    StringBuilder sb = new StringBuilder("curl -X ").append(method);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      sb.append(" -H ").append(shellQuote(h.getKey() + ": " + h.getValue()));
    }
    if (body != null) {
      sb.append(" -d ").append(shellQuote(body.length() > 4096
          ? body.substring(0, 4096) + "…(" + body.length() + " characters in all)" : body));
    }
    sb.append(' ').append(shellQuote(url(baseUrl)));
    return sb.toString();
  }

  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** A copy with other headers. */
  public Request withHeaders(Map<String, String> newHeaders) {
    return new Request(method, path, query, newHeaders, body);
  }

  public Request withMethod(String newMethod) {
    return new Request(newMethod, path, query, headers, body);
  }

  /** A copy sent to another path (already filled and encoded). */
  public Request withPath(String newPath) {
    return new Request(method, newPath, query, headers, body);
  }
}
