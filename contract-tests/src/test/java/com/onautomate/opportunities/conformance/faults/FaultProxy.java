package com.onautomate.opportunities.conformance.faults;

import com.onautomate.opportunities.conformance.Upstream;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/** A reverse proxy on 127.0.0.1:0 in front of the mock server that injects one {@link Fault} at a time. */
final class FaultProxy implements AutoCloseable {
  private static final Set<String> HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
      "upgrade", "expect", "keep-alive", "te", "trailer", "http2-settings");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI upstream;
  private volatile Fault fault = Fault.NONE;

  FaultProxy(URI upstream) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void inject(Fault f) {
    f.reset();
    this.fault = f;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
      String rawQuery = ex.getRequestURI().getRawQuery();
      Fault.Req req = new Fault.Req(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
          rawQuery == null ? "" : rawQuery, headers, ex.getRequestBody().readAllBytes());
      Fault f = fault;
      Fault.Res res = f.answer(req);
      if (res == null) {
        Fault.Req sent = f.request(req);
        res = forward(sent);
        res = f.response(sent, res);
      }
      reply(ex, res);
    } catch (Exception e) {
      byte[] body = ("{\"msg\":\"proxy error " + e + "\"}").getBytes();
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(502, body.length);
      ex.getResponseBody().write(body);
    }
  }

  private Fault.Res forward(Fault.Req r) throws IOException, InterruptedException {
    String target = upstream + r.path() + (r.query().isEmpty() ? "" : "?" + r.query());
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(30))
        .method(r.method(), r.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(r.body()));
    r.headers().forEach((k, v) -> {
      if (!HOP.contains(k.toLowerCase(Locale.ROOT))) {
        b.header(k, v);
      }
    });
    HttpRequest request = b.build();
    HttpResponse<byte[]> resp = Upstream.send(client, request);
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    resp.headers().map().forEach((k, v) -> {
      if (!HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
        h.put(k, String.join(", ", v));
      }
    });
    return new Fault.Res(resp.statusCode(), h, rebase(resp.body()));
  }

  /**
   * URLs the mock server builds on its own address (a {@code nextPageUrl}) written on the proxy's, as a server
   * configured with its public base URL writes them (the contract's decision on {@code nextPageUrl}).
   */
  private byte[] rebase(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    String rebased = text.replace("\"http://127.0.0.1:" + upstream.getPort() + "/", "\"" + baseUrl() + "/")
        .replace("\"http://localhost:" + upstream.getPort() + "/", "\"" + baseUrl() + "/");
    return rebased.equals(text) ? body : rebased.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void reply(HttpExchange ex, Fault.Res res) throws IOException {
    res.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    boolean noBody = res.body().length == 0 || ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(res.status(), noBody ? -1 : res.body().length);
    if (!noBody) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(res.body());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  static List<String> split(String query) {
    List<String> out = new ArrayList<>();
    if (!query.isEmpty()) {
      out.addAll(List.of(query.split("&")));
    }
    return out;
  }
}
