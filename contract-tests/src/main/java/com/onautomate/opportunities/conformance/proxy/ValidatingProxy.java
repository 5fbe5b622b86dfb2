package com.onautomate.opportunities.conformance.proxy;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.ExchangeListener;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Recorder;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.RawText;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.replay.StoredDataRefusal;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.Waits;
import com.onautomate.opportunities.conformance.spec.Contract;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A reverse proxy that judges live traffic: every request is forwarded unchanged to the upstream and its answer sent
 * back unchanged, and each exchange is judged by the checks that need only that one exchange
 * ({@code SingleExchangeChecks}), the request's kind told from the request itself ({@link LiveCase}). Requests outside
 * the contract are forwarded and noted, not judged; an upstream that cannot be reached gets the client a {@code 502}
 * with a JSON body, and a note.
 *
 * <p>The JDK's {@code HttpServer} serves the clients: it is in every JDK, needs no container, and its executor (a
 * fixed pool of {@value #THREADS} threads) serves concurrent clients; each exchange is judged on its thread before the
 * answer is sent on, and recorded one at a time, so that violations print whole and a cassette keeps one order.
 *
 * <pre>{@code try (ValidatingProxy proxy = ValidatingProxy.start(contract, checks, context, settings, listener, notes)) {
 *   // point the app at proxy.baseUrl()
 * }}</pre>
 */
public final class ValidatingProxy implements AutoCloseable {
  private static final int THREADS = 16;

  private final HttpServer server;
  private final ExecutorService pool;
  private final Forwarder forwarder;
  private final LiveCase liveCase;
  private final Recorder recorder;
  private final Integer maxExchanges;
  private final AtomicInteger forwarded = new AtomicInteger();
  private final CountDownLatch reachedMax = new CountDownLatch(1);
  private final Map<String, Integer> outside = new LinkedHashMap<>();
  private final Map<String, Integer> unreachable = new LinkedHashMap<>();
  private final Consumer<String> notes;

  /**
   * How the proxy listens and forwards.
   *
   * @param listen the address to listen on (port 0: a free one)
   * @param timeout how long the upstream may take to answer completely
   * @param maxExchanges stop after this many exchanges ({@link #awaitMaxExchanges}), or null for no limit
   */
  public record Settings(URI upstream, InetSocketAddress listen, Duration timeout, Integer maxExchanges) {
  }

  private ValidatingProxy(Contract contract, List<Check> checks, CheckContext context, Settings settings,
                          ExchangeListener listener, Consumer<String> notes) throws IOException {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      // the server writes head and body apart: without TCP_NODELAY a kept-alive client waits 40 ms for each answer
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    this.forwarder = new Forwarder(settings.upstream(), settings.timeout());
    this.liveCase = new LiveCase(contract);
    this.recorder = new Recorder(checks, context, forwarder.upstream());
    this.recorder.listen(listener);
    this.notes = notes;
    this.maxExchanges = settings.maxExchanges();
    this.server = HttpServer.create(settings.listen(), 100);
    this.pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "conformance-proxy");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts listening.
   *
   * @param listener sees every judged exchange with its verdicts (violations printed, a cassette)
   * @param notes told, once each, of a request outside the contract and of an upstream that cannot be reached
   * @throws IllegalArgumentException when the address cannot be listened on (one line)
   */
  public static ValidatingProxy start(Contract contract, List<Check> checks, CheckContext context, Settings settings,
                                      ExchangeListener listener, Consumer<String> notes) {
    try {
      return new ValidatingProxy(contract, checks, context, settings, listener, notes);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot listen on " + settings.listen().getHostString() + ":"
          + settings.listen().getPort() + ": " + e.getMessage());
    }
  }

  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  public String upstream() {
    return forwarder.upstream();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      forward(ex);
    } catch (RuntimeException e) { // a defect of the proxy: the client still gets an answer that says so
      reply(ex, 502, Map.of("Content-Type", List.of("application/json")), gatewayError("Bad Gateway",
          "the proxy could not forward the request (" + e + ")"));
    } finally {
      ex.close();
      if (maxExchanges != null && forwarded.incrementAndGet() >= maxExchanges) {
        reachedMax.countDown();
      }
    }
  }

  private void forward(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String method = ex.getRequestMethod();
    String rawPath = ex.getRequestURI().getRawPath();
    String rawQuery = ex.getRequestURI().getRawQuery();
    Map<String, List<String>> headers = new TreeMap<>(); // in name order: the JDK server keeps none
    ex.getRequestHeaders().forEach((name, values) -> headers.put(canonical(name), values));
    long start = System.nanoTime();
    Forwarder.Answer answer = forwarder.send(method, rawPath + (rawQuery == null ? "" : "?" + rawQuery), headers,
        body);
    double elapsed = (System.nanoTime() - start) / 1_000_000.0;
    Request request = request(method, rawPath, rawQuery, headers, body);
    if (answer.unreachable() != null) {
      count(unreachable, answer.unreachable(), "the upstream " + forwarder.upstream()
          + " cannot be reached (the client got a 502): ");
      reply(ex, 502, Map.of("Content-Type", List.of("application/json")), gatewayError("Bad Gateway",
          "the upstream " + forwarder.upstream() + " cannot be reached: " + answer.unreachable()));
    } else {
      TestCase c = liveCase.classify(request);
      Response response = answer.answered()
          ? new Response(answer.status(), answer.headers(), new String(answer.body(), StandardCharsets.UTF_8), elapsed)
          : Response.unanswered(answer.noAnswer(), elapsed);
      if (c == null) {
        count(outside, method.toUpperCase(Locale.ROOT) + " " + rawPath, "outside the contract (forwarded, not judged): ");
      } else {
        recorder.record(new Exchange(StoredDataRefusal.judgedAs(c, response), response));
      }
      if (answer.answered()) {
        reply(ex, answer.status(), answer.headers(), answer.body());
      } else {
        reply(ex, 502, Map.of("Content-Type", List.of("application/json")), gatewayError("Bad Gateway",
            "the upstream " + forwarder.upstream() + " gave no complete answer: " + answer.noAnswer()));
      }
    }
  }

  /** The request as the checks judge it: the path with one trailing slash removed (the route it takes). */
  private static Request request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                                 byte[] body) {
    Map<String, String> flat = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      if (!Forwarder.HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        flat.put(name, String.join(", ", values));
      }
    });
    String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    return new Request(method, path, List.of(), flat, body.length == 0 ? null : RawText.decode(body), rawQuery);
  }

  /** Counts what was not judged, and notes each kind of it the first time. */
  private synchronized void count(Map<String, Integer> counts, String key, String note) {
    if (counts.merge(key, 1, Integer::sum) == 1) {
      notes.accept(note + key);
    }
  }

  private static byte[] gatewayError(String msg, String detail) {
    return ("{\"msg\":\"" + msg + "\",\"detail\":" + Json.write(detail)
        + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static void reply(HttpExchange ex, int status, Map<String, List<String>> headers, byte[] body)
      throws IOException {
    headers.forEach((name, values) -> {
      if (!Forwarder.HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        ex.getResponseHeaders().put(name, new ArrayList<>(values));
      }
    });
    boolean noBody = body.length == 0 || ex.getRequestMethod().equalsIgnoreCase("HEAD") || status == 204
        || status == 304 || status < 200;
    ex.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** {@code content-type} as {@code Content-Type}: the JDK server gives header names in its own case. */
  static String canonical(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return sb.toString();
  }

  /** Waits until {@code maxExchanges} exchanges were forwarded; false when {@code timeout} passed first. */
  public boolean awaitMaxExchanges(Duration timeout) throws InterruptedException {
    return reachedMax.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What the checks found so far: the summary per check and operation, every failure with its curl line. */
  public RunResult result() {
    return recorder.result(0, Waits.NONE);
  }

  /** Requests outside the contract ("GET /openapi.yaml") and how often each came. */
  public synchronized Map<String, Integer> outsideContract() {
    return new LinkedHashMap<>(outside);
  }

  /** Why the upstream could not be reached, and how often. */
  public synchronized Map<String, Integer> unreachable() {
    return new LinkedHashMap<>(unreachable);
  }

  /** How many requests were forwarded (judged, outside the contract, or without an upstream). */
  public int forwarded() {
    return forwarded.get();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
