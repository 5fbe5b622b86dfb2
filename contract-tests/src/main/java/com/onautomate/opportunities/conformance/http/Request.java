package com.onautomate.opportunities.conformance.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request exactly as sent: method, path (already filled and encoded), query pairs, headers, body.
 *
 * @param query the query's pairs, decoded
 * @param body the raw body, or null for none; sent as UTF-8, except that the characters U+DC80 to
 *     U+DCFF (lone surrogates, which no text holds) stand for the single bytes 0x80 to 0xFF
 *     (Python's "surrogateescape"), so that a case can send bytes that are not UTF-8 (see {@link #rawBytes})
 * @param rawQuery the query string to send exactly as a server wrote it (a {@code nextPageUrl}'s), or null to encode
 *     {@code query}
 */
public record Request(String method, String path, List<Map.Entry<String, String>> query,
                      Map<String, String> headers, String body, String rawQuery) {

  public Request {
    query = List.copyOf(query);
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A request whose query is encoded from its pairs. */
  public Request(String method, String path, List<Map.Entry<String, String>> query, Map<String, String> headers,
                 String body) {
    this(method, path, query, headers, body, null);
  }

  /** A piece of body text that is sent as exactly these bytes (0x80-0xFF), valid UTF-8 or not. */
  public static String rawBytes(int... bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    for (int b : bytes) {
      if (b < 0x80 || b > 0xFF) {
        throw new IllegalArgumentException("raw bytes are 0x80-0xFF, not " + b);
      }
      out.append((char) (0xDC00 + b));
    }
    return out.toString();
  }

  /** The body as sent: UTF-8, with the raw bytes {@link #rawBytes} stands for; null for none. */
  public byte[] bodyBytes() {
    if (body == null) {
      return null;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length() + 16);
    int from = 0;
    for (int i = 0; i < body.length(); i++) {
      if (isRawByte(body.charAt(i))) {
        out.writeBytes(body.substring(from, i).getBytes(StandardCharsets.UTF_8));
        out.write(body.charAt(i) - 0xDC00);
        from = i + 1;
      }
    }
    out.writeBytes(body.substring(from).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static boolean isRawByte(char c) {
    return c >= 0xDC80 && c <= 0xDCFF;
  }

  /** Path plus query string: the raw one as given, or the pairs encoded. */
  public String pathAndQuery() {
    if (rawQuery != null) {
      return path + "?" + rawQuery;
    }
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
      String shown = body.length() > 4096 ? body.substring(0, 4096) + "…(" + body.length() + " characters in all)" : body;
      sb.append(shown.chars().anyMatch(c -> isRawByte((char) c))
          ? " --data-binary " + bashBytesQuote(shown) : " -d " + shellQuote(shown));
    }
    sb.append(' ').append(shellQuote(url(baseUrl)));
    return sb.toString();
  }

  /** Bash's $'...' quoting, with the raw bytes as \xNN (curl then sends exactly those bytes). */
  static String bashBytesQuote(String s) {
    StringBuilder out = new StringBuilder("$'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isRawByte(c)) {
        out.append(String.format("\\x%02X", c - 0xDC00));
      } else if (c == '\'' || c == '\\') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** A copy with other headers. */
  public Request withHeaders(Map<String, String> newHeaders) {
    return new Request(method, path, query, newHeaders, body, rawQuery);
  }

  public Request withMethod(String newMethod) {
    return new Request(newMethod, path, query, headers, body, rawQuery);
  }

  /** A copy sent to another path (already filled and encoded). */
  public Request withPath(String newPath) {
    return new Request(method, newPath, query, headers, body, rawQuery);
  }
}
