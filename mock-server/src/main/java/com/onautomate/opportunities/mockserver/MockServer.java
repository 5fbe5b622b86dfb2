package com.onautomate.opportunities.mockserver;

import com.onautomate.opportunities.mockserver.web.BaseUrl;
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
    this.baseUrl = BaseUrl.of(context.getEnvironment().getProperty("server.address", "127.0.0.1"), port);
  }

  /** Starts a server with Spring Boot arguments, e.g. {@code "--server.port=0"}; it binds 127.0.0.1 by default. */
  public static MockServer start(String... springArgs) {
    Objects.requireNonNull(springArgs, "springArgs == null");
    return new MockServer(MockServerApplication.application().run(springArgs));
  }

  /**
   * {@code http://127.0.0.1:<port>} by default, without a trailing slash; for another
   * {@code --server.address} see {@link BaseUrl} ({@code ::} gives {@code http://[::1]:<port>}).
   */
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
