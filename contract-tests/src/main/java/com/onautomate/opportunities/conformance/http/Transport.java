package com.onautomate.opportunities.conformance.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PROTOTYPE (measurement only, to be reverted): sends requests with java.net.http instead of Rest Assured, to
 * measure what Rest Assured costs per exchange. Headers the JDK client refuses to set are not sent.
 */
public final class Transport implements AutoCloseable {
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
  private final String baseUrl;
  private final AtomicLong sent = new AtomicLong();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

  public Transport(String baseUrl) {
    this.baseUrl = Request.stripSlash(baseUrl);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public long requestsSent() {
    return sent.get();
  }

  /** Sends a request; fails with {@link TransportException} when the server cannot be reached. */
  public Response send(Request request) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url(baseUrl))).timeout(Duration.ofSeconds(30))
        .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    request.headers().forEach((k, v) -> {
      if (!RESTRICTED.contains(k.toLowerCase(java.util.Locale.ROOT))) {
        b.header(k, v);
      }
    });
    long start = System.nanoTime();
    HttpResponse<byte[]> r;
    try {
      r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new TransportException("cannot reach " + baseUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted", e);
    }
    String body = new String(r.body(), StandardCharsets.UTF_8);
    double elapsed = (System.nanoTime() - start) / 1_000_000.0;
    sent.incrementAndGet();
    Map<String, List<String>> received = new LinkedHashMap<>(r.headers().map());
    return new Response(r.statusCode(), received, body, elapsed);
  }

  @Override
  public void close() {
  }
}
