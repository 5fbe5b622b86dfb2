package com.onautomate.opportunities.conformance;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** How the test proxies (fault, tolerance) forward a request to the mock server. */
public final class Upstream {
  private Upstream() {
  }

  /**
   * Sends a request, once more on a new connection when a kept-alive one turns out closed by the mock server (it
   * closes some after an error answer): no byte of an answer came back, as a reverse proxy would resend it.
   */
  public static HttpResponse<byte[]> send(HttpClient client, HttpRequest request)
      throws IOException, InterruptedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException closed) {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
  }
}
