package com.onautomate.opportunities.conformance.http;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.http.ConnectionClosedException;
import org.apache.http.HttpConnection;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.HttpClient;
import org.apache.http.entity.BufferedHttpEntity;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.protocol.ExecutionContext;

/**
 * Sends requests through Rest Assured, exactly as built (no encoding, no added charset, no redirects, no retries), and
 * never throws: a request that gets no complete answer within the request timeout, or whose connection is refused or
 * closed before the whole answer arrived, comes back as an {@linkplain Response#unanswered unanswered} response.
 *
 * <p>Each sending thread has its own Rest Assured configuration holding one HTTP client, so its requests share a
 * kept-alive connection instead of opening one per request (Rest Assured's default); {@link #close()} closes them.
 * The timeout bounds the whole exchange, connection to last byte: a watchdog shuts the connection down when it is
 * due, since the client's own socket timeout only bounds each read.
 */
public final class Transport implements Sender, AutoCloseable {
  /**
   * The request timeout when none is given: the socket timeout the suite always had, so that a server slow to warm up
   * (a first request on a loaded machine took over 10 s) is not taken for a broken one.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final Duration timeout;
  private final AtomicLong sent = new AtomicLong();
  private final Queue<HttpClient> clients = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<RestAssuredConfig> config = ThreadLocal.withInitial(this::newConfig);
  /** The exchange in flight on this thread, which the client's request interceptor tells its connection. */
  private static final ThreadLocal<InFlight> IN_FLIGHT = new ThreadLocal<>();
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "conformance-request-timeout");
    t.setDaemon(true);
    return t;
  });

  public Transport(String baseUrl) {
    this(baseUrl, DEFAULT_TIMEOUT);
  }

  /** A transport whose requests give up after {@code timeout} without a complete answer. */
  public Transport(String baseUrl, Duration timeout) {
    this.baseUrl = Request.stripSlash(baseUrl);
    this.timeout = timeout;
  }

  /** A configuration whose client is made once, on its first request, and reused for every later one. */
  private RestAssuredConfig newConfig() {
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    return RestAssuredConfig.config()
        .encoderConfig(EncoderConfig.encoderConfig()
            .appendDefaultContentCharsetToContentTypeIfUndefined(false)
            .defaultContentCharset(StandardCharsets.UTF_8))
        .redirect(RedirectConfig.redirectConfig().followRedirects(false))
        .httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.tcp.nodelay", true)
            .setParam("http.connection.timeout", millis)
            .setParam("http.socket.timeout", millis)
            .httpClientFactory(() -> {
              DefaultHttpClient client = new DefaultHttpClient();
              // Each request is sent once: a resent request would be judged on an answer it did not cause.
              client.setHttpRequestRetryHandler(new DefaultHttpRequestRetryHandler(0, false));
              client.addRequestInterceptor((request, context) -> {
                InFlight current = IN_FLIGHT.get();
                if (current != null) {
                  current.connected((HttpConnection) context.getAttribute(ExecutionContext.HTTP_CONNECTION));
                }
              });
              // Rest Assured leaves some empty answers unread (OPTIONS), which would keep the connection allocated:
              // read every body as it arrives, so that the connection is free for the thread's next request.
              client.addResponseInterceptor((response, context) -> {
                if (response.getEntity() != null) {
                  response.setEntity(new BufferedHttpEntity(response.getEntity()));
                }
              });
              clients.add(client);
              return client;
            })
            .reuseHttpClientInstance());
  }

  public String baseUrl() {
    return baseUrl;
  }

  public long requestsSent() {
    return sent.get();
  }

  /** Sends a request; an answer that does not come complete is an {@linkplain Response#unanswered unanswered} one. */
  @Override
  public Response send(Request request) {
    List<Header> headers = new ArrayList<>(request.headers().size());
    request.headers().forEach((name, value) -> headers.add(new Header(name, value)));
    RequestSpecification spec = RestAssured.given().config(config.get()).urlEncodingEnabled(false)
        .headers(new Headers(headers));
    byte[] sentBody = request.bodyBytes();
    if (sentBody != null) {
      spec.body(sentBody);
    }
    long start = System.nanoTime();
    InFlight current = new InFlight();
    IN_FLIGHT.set(current);
    ScheduledFuture<?> due = watchdog.schedule(current::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    io.restassured.response.Response r;
    try {
      r = spec.request(request.method(), request.url(baseUrl));
    } catch (Exception e) { // Rest Assured (Groovy) also throws checked I/O exceptions undeclared
      sent.incrementAndGet();
      return Response.unanswered(current.expired() ? "no complete answer within " + seconds(timeout)
          + " (the request timeout)" : why(e), (System.nanoTime() - start) / 1_000_000.0);
    } finally {
      due.cancel(false);
      IN_FLIGHT.remove();
    }
    String body = new String(r.asByteArray(), StandardCharsets.UTF_8);
    double elapsed = (System.nanoTime() - start) / 1_000_000.0;
    sent.incrementAndGet();
    Map<String, List<String>> received = new LinkedHashMap<>();
    for (Header h : r.getHeaders()) {
      received.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
    }
    return new Response(r.getStatusCode(), received, body, elapsed);
  }

  /** Why a request got no complete answer, in words. */
  static String why(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
    if (root instanceof ConnectException) {
      return "the connection was refused (" + message + ")";
    }
    if (root instanceof ConnectionClosedException || root instanceof NoHttpResponseException) {
      return "the server closed the connection before the whole answer arrived (" + message + ")";
    }
    if (root instanceof InterruptedIOException) {
      return "no answer in time (" + message + ")";
    }
    if (root instanceof IOException) {
      return "the answer could not be read (" + message + ")";
    }
    return "the answer could not be read (" + (message.isEmpty() ? root.getClass().getSimpleName() : message) + ")";
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** Closes the connections of every thread's client. */
  @Override
  public void close() {
    watchdog.shutdownNow();
    for (HttpClient client; (client = clients.poll()) != null; ) {
      client.getConnectionManager().shutdown();
    }
  }

  /** One exchange in flight: its connection once open, and whether its time ran out. */
  private static final class InFlight {
    private HttpConnection connection;
    private boolean expired;

    synchronized void connected(HttpConnection c) throws IOException {
      if (expired) {
        throw new InterruptedIOException("request timeout");
      }
      connection = c;
    }

    synchronized void expire() {
      expired = true;
      if (connection != null) {
        try {
          connection.shutdown(); // the reading thread's socket fails at once
        } catch (IOException e) {
          // already closed: the reading thread has failed or finished
        }
      }
    }

    synchronized boolean expired() {
      return expired;
    }
  }
}
