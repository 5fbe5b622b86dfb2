package com.onautomate.opportunities.conformance.http;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Sends requests through Rest Assured, exactly as built (no encoding, no added charset, no redirects). */
public final class Transport {
  private final String baseUrl;
  private final RestAssuredConfig config;
  private final AtomicLong sent = new AtomicLong();

  public Transport(String baseUrl) {
    this.baseUrl = Request.stripSlash(baseUrl);
    this.config = RestAssuredConfig.config()
        .encoderConfig(EncoderConfig.encoderConfig()
            .appendDefaultContentCharsetToContentTypeIfUndefined(false)
            .defaultContentCharset(StandardCharsets.UTF_8))
        .redirect(RedirectConfig.redirectConfig().followRedirects(false))
        .httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.tcp.nodelay", true)
            .setParam("http.connection.timeout", 10_000)
            .setParam("http.socket.timeout", 30_000));
  }

  public String baseUrl() {
    return baseUrl;
  }

  public long requestsSent() {
    return sent.get();
  }

  /** Sends a request; fails with {@link TransportException} when the server cannot be reached. */
  public Response send(Request request) {
    RequestSpecification spec = RestAssured.given().config(config).urlEncodingEnabled(false);
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      spec.header(h.getKey(), h.getValue());
    }
    if (request.body() != null) {
      spec.body(request.body().getBytes(StandardCharsets.UTF_8));
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
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header h : r.getHeaders()) {
      headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
    }
    return new Response(r.getStatusCode(), headers, body, elapsed);
  }
}
