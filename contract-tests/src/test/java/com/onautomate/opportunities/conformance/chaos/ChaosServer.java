package com.onautomate.opportunities.conformance.chaos;

import java.io.BufferedInputStream;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy on 127.0.0.1:0 in front of the mock server whose answers are mutated at random from a seed
 * ({@link Mutation}): another status, a body cut short or replaced, JSON values of another type or missing, headers
 * dropped or wrong, the connection closed mid-body or before any answer, a malformed status line, delays.
 *
 * <p>It speaks HTTP/1.1 over plain sockets, since breaking the protocol (a short body, a closed connection) is the
 * point. The first {@link #SPARED} requests — the suite's preflight probes, sent before anything is generated — are
 * passed through unchanged: a wrong answer there is, by design, a bad argument (exit 2), not a server to judge.
 * Requests are numbered as they arrive; each draws its mutation from {@code seed} and its number, so a sequential
 * part of a run sees the same chaos again with the same seed (the parallel phases may number their requests in
 * another order).
 */
final class ChaosServer implements AutoCloseable {
  /** Requests passed through unchanged at the start: the preflight's probes (two pages, a create, a status change, a duplicate). */
  static final int SPARED = 5;
  private static final Set<String> HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
      "upgrade", "expect", "keep-alive", "te", "trailer", "http2-settings");

  private final ServerSocket socket;
  private final URI upstream;
  private final Duration tooSlow;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "chaos-connection");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger requests = new AtomicInteger();
  private final Map<String, AtomicInteger> applied = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile long seed;
  private volatile double rate;

  /** A chaos server in front of {@code upstream}; its too slow answers take {@code tooSlow}. */
  ChaosServer(URI upstream, Duration tooSlow) throws IOException {
    this.upstream = upstream;
    this.tooSlow = tooSlow;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    connections.execute(this::accept);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** Starts a new run: requests numbered from 0 again, mutations drawn from {@code seed}, about {@code rate} of them. */
  void reset(long newSeed, double mutationRate) {
    this.seed = newSeed;
    this.rate = mutationRate;
    requests.set(0);
    applied.clear();
  }

  /** How often each mutation was applied since the last {@link #reset}. */
  Map<String, Integer> applied() {
    Map<String, Integer> out = new TreeMap<>();
    applied.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        connections.execute(() -> serve(s));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Serves the requests of one kept-alive connection until either side closes it. */
  private void serve(Socket s) {
    try (s) {
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        Wire.Request request = readRequest(in);
        if (request == null) {
          return;
        }
        int n = requests.getAndIncrement();
        Mutation mutation = n < SPARED ? Mutation.NONE : Mutation.draw(new Random(seed * 1_000_003L + n), rate);
        applied.computeIfAbsent(mutation.name(), k -> new AtomicInteger()).incrementAndGet();
        Wire.Response response = forward(request);
        if (!mutation.apply(response, out, new Random(seed * 7_919L + n), tooSlow.toMillis())) {
          return; // the mutation closed the connection
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the upstream failed: nothing to answer on this connection
    }
  }

  /** Reads one request (head, then a Content-Length or chunked body); null at the end of the connection. */
  private static Wire.Request readRequest(InputStream in) throws IOException {
    String head = readHead(in);
    if (head == null) {
      return null;
    }
    String[] lines = head.split("\r\n");
    String[] first = lines[0].split(" ");
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
      body = readChunked(in);
    } else {
      body = in.readNBytes(Integer.parseInt(headers.getOrDefault("Content-Length", "0")));
    }
    return new Wire.Request(first[0], first[1], headers, body);
  }

  /** The bytes up to the blank line that ends a head; null when the connection ends first. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    String end = "\r\n\r\n";
    int matched = 0;
    while (matched < end.length()) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end.charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1).trim();
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      StringBuilder size = new StringBuilder();
      for (int b; (b = in.read()) != '\n'; ) {
        if (b < 0) {
          return body.toByteArray();
        }
        size.append((char) b);
      }
      int n = Integer.parseInt(size.toString().trim().split(";")[0], 16);
      if (n == 0) {
        readHead(in); // trailers and the final CRLF
        return body.toByteArray();
      }
      body.write(in.readNBytes(n));
      in.readNBytes(2);
    }
  }

  private Wire.Response forward(Wire.Request r) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + r.target())).timeout(Duration.ofSeconds(30))
        .method(r.method(), r.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(r.body()));
    r.headers().forEach((k, v) -> {
      if (!HOP.contains(k.toLowerCase(Locale.ROOT))) {
        b.header(k, v);
      }
    });
    HttpResponse<byte[]> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    resp.headers().map().forEach((k, v) -> {
      if (!HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
        headers.put(k, new java.util.ArrayList<>(v));
      }
    });
    return new Wire.Response(resp.statusCode(), headers, resp.body());
  }

  @Override
  public void close() throws IOException {
    socket.close();
    connections.shutdownNow();
  }
}
