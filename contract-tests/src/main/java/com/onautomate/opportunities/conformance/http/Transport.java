package com.onautomate.opportunities.conformance.http;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.http.client.HttpClient;
import org.apache.http.entity.BufferedHttpEntity;
import org.apache.http.impl.client.DefaultHttpClient;

/**
 * Sends requests through Rest Assured, exactly as built (no encoding, no added charset, no redirects).
 *
 * <p>Each sending thread has its own Rest Assured configuration holding one HTTP client, so its requests share a
 * kept-alive connection instead of opening one per request (Rest Assured's default); {@link #close()} closes them.
 */
public final class Transport implements Sender, AutoCloseable {
  private final String baseUrl;
  private final AtomicLong sent = new AtomicLong();
  private final Queue<HttpClient> clients = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<RestAssuredConfig> config = ThreadLocal.withInitial(this::newConfig);

  public Transport(String baseUrl) {
    this.baseUrl = Request.stripSlash(baseUrl);
  }

  /** A configuration whose client is made once, on its first request, and reused for every later one. */
  private RestAssuredConfig newConfig() {
    return RestAssuredConfig.config()
        .encoderConfig(EncoderConfig.encoderConfig()
            .appendDefaultContentCharsetToContentTypeIfUndefined(false)
            .defaultContentCharset(StandardCharsets.UTF_8))
        .redirect(RedirectConfig.redirectConfig().followRedirects(false))
        .httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.tcp.nodelay", true)
            .setParam("http.connection.timeout", 10_000)
            .setParam("http.socket.timeout", 30_000)
            .httpClientFactory(() -> {
              DefaultHttpClient client = new DefaultHttpClient();
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

  /** Sends a request; fails with {@link TransportException} when the server cannot be reached. */
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
    io.restassured.response.Response r;
    try {
      r = spec.request(request.method(), request.url(baseUrl));
    } catch (Exception e) { // Rest Assured (Groovy) also throws checked I/O exceptions undeclared
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      String why = root.getMessage() == null ? root.getClass().getSimpleName()
          : root.getMessage().lines().findFirst().orElse("");
      throw new TransportException("cannot reach " + baseUrl + ": " + why, e);
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

  /** Closes the connections of every thread's client. */
  @Override
  public void close() {
    for (HttpClient client; (client = clients.poll()) != null; ) {
      client.getConnectionManager().shutdown();
    }
  }
}
