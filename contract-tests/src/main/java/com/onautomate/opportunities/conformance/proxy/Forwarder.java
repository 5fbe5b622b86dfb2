package com.onautomate.opportunities.conformance.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends a request on to the upstream as received — method, path, query, headers and body bytes — with the JDK's HTTP
 * client (HTTP/1.1, no redirects followed, no decompression), and returns the answer as received. Only what belongs to
 * one connection is not forwarded: {@code Host} (the upstream's own), {@code Connection}, {@code Content-Length}
 * (recomputed from the same bytes), {@code Transfer-Encoding} and the other hop-by-hop headers (RFC 9110 §7.6.1).
 */
final class Forwarder {
  /** Headers of one connection, not of the message; the JDK client refuses some of them. */
  static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade",
      "expect", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  private final String upstream;
  private final Duration timeout;
  private final HttpClient client;

  Forwarder(URI upstream, Duration timeout) {
    String u = upstream.toString();
    this.upstream = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** An upstream answer, or why none came; the body's bytes as received (never compared, only sent on). */
  @SuppressWarnings("ArrayRecordComponent")
  record Answer(int status, Map<String, List<String>> headers, byte[] body, String unreachable, String noAnswer) {
    boolean answered() {
      return unreachable == null && noAnswer == null;
    }
  }

  Answer send(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + pathAndQuery)).timeout(timeout)
        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        for (String v : values) {
          try {
            b.header(name, v);
          } catch (IllegalArgumentException restricted) {
            break; // a header the JDK's client sets itself: the upstream gets the client's own
          }
        }
      }
    });
    HttpRequest request = b.build();
    try {
      HttpResponse<byte[]> r;
      try {
        r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException closed) {
        if (!IDEMPOTENT.contains(method.toUpperCase(Locale.ROOT)) || isUnreachable(closed)
            || closed instanceof HttpTimeoutException) {
          throw closed;
        }
        // a kept-alive connection the upstream had closed: sent once more, as a reverse proxy does for idempotent methods
        r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      }
      return new Answer(r.statusCode(), r.headers().map(), r.body(), null, null);
    } catch (HttpConnectTimeoutException e) {
      return new Answer(0, Map.of(), new byte[0], "no connection within 10 s", null);
    } catch (HttpTimeoutException e) {
      return new Answer(0, Map.of(), new byte[0], null, "no complete answer within " + timeout.toMillis() / 1000.0
          + " s (the request timeout)");
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return isUnreachable(e) ? new Answer(0, Map.of(), new byte[0], why, null)
          : new Answer(0, Map.of(), new byte[0], null, "the answer could not be read (" + why + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, Map.of(), new byte[0], null, "interrupted");
    } catch (UnresolvedAddressException e) {
      return new Answer(0, Map.of(), new byte[0], "unknown host", null);
    }
  }

  private static boolean isUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  String upstream() {
    return upstream;
  }
}
