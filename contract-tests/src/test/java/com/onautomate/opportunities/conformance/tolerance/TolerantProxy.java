package com.onautomate.opportunities.conformance.tolerance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.onautomate.opportunities.conformance.Upstream;
import com.onautomate.opportunities.conformance.engine.Json;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * A reverse proxy on {@code 127.0.0.1:0} in front of the mock server that answers as another correct implementation
 * would: one {@link Variation} at a time changes what is answered and how it is written.
 *
 * <p>It reads and writes HTTP/1.1 on plain sockets (a JDK or servlet server would normalise header names, framing
 * and status lines, which are among the variations), keeps connections alive unless told otherwise, and forwards to
 * the mock server with the JDK's client. Like a server configured with its public base URL, it writes the URLs the mock
 * server builds on its own address (a {@code nextPageUrl}) on the proxy's address and prefix.
 */
final class TolerantProxy implements AutoCloseable {
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "host", "transfer-encoding",
      "upgrade", "expect", "keep-alive", "te", "trailer", "http2-settings", "accept-encoding");
  private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection",
      "content-encoding", "keep-alive");

  private final ServerSocket server;
  private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tolerant-proxy");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI upstream;
  private final Pattern upstreamOrigin;
  private volatile Variation variation = Variations.NONE;

  TolerantProxy(URI upstream) throws IOException {
    this.upstream = upstream;
    this.upstreamOrigin = Pattern.compile("^http://(127\\.0\\.0\\.1|localhost):" + upstream.getPort() + "(?=/|$)");
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    connections.submit(this::accept);
  }

  /** The base URL of the API behind this proxy with the current variation: its address and prefix. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + variation.prefix();
  }

  void use(Variation v) {
    v.reset();
    this.variation = v;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        connections.submit(() -> serve(s));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      while (true) {
        ProxyRequest request = read(in);
        if (request == null) {
          return;
        }
        Variation v = variation;
        ProxyResponse response;
        try {
          response = handle(request, v);
        } catch (IOException | InterruptedException | RuntimeException e) {
          response = ProxyResponse.json(502, "{\"msg\":" + Json.write(TextNode.valueOf("proxy error " + e)) + "}");
        }
        boolean keepAlive = write(out, request, response, v);
        if (!keepAlive || "close".equalsIgnoreCase(request.header("Connection"))) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private ProxyResponse handle(ProxyRequest request, Variation v) throws IOException, InterruptedException {
    String prefix = v.prefix();
    if (!prefix.isEmpty()) {
      if (!request.path().startsWith(prefix + "/")) {
        return ProxyResponse.json(404, "{\"msg\":\"Not Found\"}");
      }
      request = request.withPath(request.path().substring(prefix.length()));
    }
    ProxyResponse answer = v.answer(request);
    if (answer != null) {
      return answer;
    }
    ProxyRequest sent = v.request(request);
    if (v.oneAtATime(sent)) {
      synchronized (v) {
        return v.response(sent, rebase(forward(sent), baseUrl()));
      }
    }
    return v.response(sent, rebase(forward(sent), baseUrl()));
  }

  private ProxyResponse forward(ProxyRequest r) throws IOException, InterruptedException {
    URI target = URI.create(upstream.toString().replaceAll("/$", "") + r.path()
        + (r.rawQuery().isEmpty() ? "" : "?" + r.rawQuery()));
    HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
        .method(r.method(), r.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(r.body()));
    for (Map.Entry<String, String> h : r.headers()) {
      if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        b.header(h.getKey(), h.getValue());
      }
    }
    HttpRequest request = b.build();
    HttpResponse<byte[]> resp = Upstream.send(client, request);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    resp.headers().map().forEach((k, values) -> {
      if (!FRAMING.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
        values.forEach(v -> headers.add(Map.entry(canonical(k), v)));
      }
    });
    String type = resp.headers().firstValue("Content-Type").orElse("");
    JsonNode json = type.toLowerCase(Locale.ROOT).contains("json") ? Json.parse(
        new String(resp.body(), StandardCharsets.UTF_8)) : null;
    return new ProxyResponse(resp.statusCode(), headers, json, json == null ? resp.body() : null);
  }

  /** URLs the mock server built on its own address, written on this proxy's base URL (prefix included). */
  private ProxyResponse rebase(ProxyResponse r, String base) {
    if (r.json() != null) {
      rebase(r.json(), base);
    }
    return r;
  }

  private void rebase(JsonNode node, String base) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getValue().isTextual()) {
          f.setValue(TextNode.valueOf(upstreamOrigin.matcher(f.getValue().asText()).replaceFirst(base)));
        } else {
          rebase(f.getValue(), base);
        }
      }
    } else if (node instanceof ArrayNode a) {
      a.forEach(item -> rebase(item, base));
    }
  }

  /** Reads one request; null at the end of the connection. */
  private static ProxyRequest read(InputStream in) throws IOException {
    String line = line(in);
    while (line != null && line.isEmpty()) {
      line = line(in); // tolerated before a request line (RFC 9112 2.2)
    }
    if (line == null) {
      return null;
    }
    String[] parts = line.split(" ");
    if (parts.length < 3) {
      throw new IOException("bad request line: " + line);
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.add(Map.entry(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
    }
    ProxyRequest head = new ProxyRequest(parts[0], "", "", headers, new byte[0]);
    byte[] body;
    if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
        buffer.write(in.readNBytes(size));
        line(in);
      }
      for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
        // trailers are dropped
      }
      body = buffer.toByteArray();
    } else {
      String length = head.header("Content-Length");
      body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.trim()));
    }
    String target = parts[1];
    int q = target.indexOf('?');
    return new ProxyRequest(parts[0], q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1),
        headers, body);
  }

  private static int chunkSize(String line) {
    String size = line == null ? "0" : line.split(";", 2)[0].trim();
    return Integer.parseInt(size, 16);
  }

  /** One CRLF-ended line in ISO-8859-1, without its end; null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = sb.length();
        return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /** Writes a response as the variation says; returns whether the connection stays open. */
  private static boolean write(OutputStream out, ProxyRequest request, ProxyResponse response, Variation v)
      throws IOException {
    WireFormat wire = v.wire();
    byte[] body = response.json() != null ? v.style().write(response.json()) : response.raw();
    boolean changed = response.json() != null && !java.util.Arrays.equals(body, JsonStyle.COMPACT.write(response.json()));
    List<Map.Entry<String, String>> headers = new ArrayList<>(response.headers());
    String accepts = request.header("Accept-Encoding");
    if (wire.gzip() && body.length > 0 && (accepts == null || accepts.toLowerCase(Locale.ROOT).contains("gzip"))) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
        gz.write(body);
      }
      body = zipped.toByteArray();
      headers.add(Map.entry("Content-Encoding", "gzip"));
      changed = true;
    }
    StringBuilder head = new StringBuilder();
    head.append(wire.http10() ? "HTTP/1.0 " : "HTTP/1.1 ").append(response.status()).append(' ')
        .append(WireFormat.STANDARD_REASON.equals(wire.reasonPhrase()) ? reason(response.status())
            : wire.reasonPhrase()).append("\r\n");
    boolean chunked = wire.chunked() && !wire.http10();
    if (wire.http10()) {
      headers.add(Map.entry("Connection", "close"));
    } else if (chunked) {
      headers.add(Map.entry("Transfer-Encoding", "chunked"));
    } else {
      headers.add(Map.entry("Content-Length", Integer.toString(body.length)));
    }
    for (Map.Entry<String, String> h : headers) {
      String name = switch (wire.headerCase()) {
        case AS_IS -> h.getKey();
        case LOWER -> h.getKey().toLowerCase(Locale.ROOT);
        case UPPER -> h.getKey().toUpperCase(Locale.ROOT);
      };
      head.append(name).append(": ").append(h.getValue()).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (chunked) {
      int first = Math.min(body.length, 7);
      writeChunk(out, body, 0, first, ";variation=chunked");
      writeChunk(out, body, first, body.length - first, "");
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    } else {
      out.write(body);
    }
    out.flush();
    if (changed || chunked || wire.http10() || wire.headerCase() != WireFormat.HeaderCase.AS_IS
        || !WireFormat.STANDARD_REASON.equals(wire.reasonPhrase())) {
      v.count();
    }
    return !wire.http10();
  }

  private static void writeChunk(OutputStream out, byte[] body, int from, int length, String extension)
      throws IOException {
    if (length > 0) {
      out.write((Integer.toHexString(length) + extension + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, from, length);
      out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      default -> "Status " + status;
    };
  }

  /** {@code content-type} as {@code Content-Type}. */
  static String canonical(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      sb.append(upper ? Character.toUpperCase(c) : c);
      upper = c == '-';
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }
}
