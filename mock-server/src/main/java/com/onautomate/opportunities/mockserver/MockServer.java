package com.onautomate.opportunities.mockserver;

import java.net.URI;
import java.util.Objects;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The mock server, started in this JVM: for tests and tools that need a server that behaves like
 * the real API.
 *
 * <pre>{@code
 * try (MockServer server = MockServer.start("--server.port=0")) {
 *   URI base = server.baseUrl();   // http://127.0.0.1:<port>, token DemoData.TOKEN
 * }
 * }</pre>
 *
 * Each server has its own in-memory database unless {@code --spring.datasource.url=...} says otherwise.
 */
public final class MockServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final int port;
  private final URI baseUrl;

  private MockServer(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    String address = context.getEnvironment().getProperty("server.address", "127.0.0.1");
    if (address.isEmpty() || address.equals("0.0.0.0") || address.equals("::") || address.equals("0:0:0:0:0:0:0:0")) {
      address = "127.0.0.1";
    } else if (address.indexOf(':') >= 0) {
      address = "[" + address + "]";
    }
    this.baseUrl = URI.create("http://" + address + ":" + port);
  }

  /** Starts a server with Spring Boot arguments, e.g. {@code "--server.port=0"}; it binds 127.0.0.1 by default. */
  public static MockServer start(String... springArgs) {
    Objects.requireNonNull(springArgs, "springArgs == null");
    return new MockServer(MockServerApplication.application().run(springArgs));
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  public int port() {
    return port;
  }

  /** Stops the server; an in-memory database goes with it. */
  @Override
  public void close() {
    context.close();
  }
}
