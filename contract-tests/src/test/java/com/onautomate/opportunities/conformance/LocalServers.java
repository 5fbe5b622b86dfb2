package com.onautomate.opportunities.conformance;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/** Servers the tests point the suite, replay and proxy at: one that answers everything the same, and none at all. */
public final class LocalServers {
  private LocalServers() {
  }

  /** A server on 127.0.0.1:0 that answers every request with this status and JSON body; {@code stop(0)} it. */
  public static HttpServer answering(int status, String json) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    return server;
  }

  /** A port on 127.0.0.1 where nothing listens (one that was free a moment ago). */
  public static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
