package com.onautomate.opportunities.conformance;

import com.onautomate.opportunities.mockserver.MockServer;

/** One mock server for all test classes of this module (started on first use, stopped when the JVM exits). */
public final class SharedMockServer {
  private static MockServer server;

  private SharedMockServer() {
  }

  public static synchronized String baseUrl() {
    if (server == null) {
      server = MockServer.start("--server.port=0", "--spring.main.banner-mode=off");
      MockServer started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return server.baseUrl().toString();
  }
}
