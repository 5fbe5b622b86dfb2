package com.onautomate.opportunities.mockserver;

import com.onautomate.opportunities.mockserver.admin.ResetGate;
import com.onautomate.opportunities.mockserver.fixtures.StartState;
import com.onautomate.opportunities.mockserver.web.BaseUrl;
import com.onautomate.opportunities.mockserver.web.RequestJournal;
import java.net.URI;
import java.util.List;
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

  /**
   * The bearer token of the first location of the start state: {@link DemoData#TOKEN}, or the first
   * location's of the fixtures file.
   */
  public String token() {
    var locations = context.getBean(StartState.class).fixtures().locations();
    return locations.isEmpty() ? DemoData.TOKEN : locations.get(0).token();
  }

  /**
   * Back to the start state (the demo data or the fixtures file), as {@code POST /__admin/reset}:
   * requests in flight finish first, and no request sees half of it.
   */
  public void reset() {
    context.getBean(ResetGate.class).reset();
  }

  /** The requests the server received (its request journal), newest first; admin requests are not in it. */
  public List<RecordedRequest> requests() {
    return context.getBean(RequestJournal.class).requests(r -> true, Integer.MAX_VALUE);
  }

  /**
   * The requests with this method (any case; null for any) to this path (a trailing {@code *}
   * matches every path that starts with what is before it), newest first: for assertions such as
   * WireMock's {@code verify}.
   */
  public List<RecordedRequest> requests(String method, String path) {
    return context.getBean(RequestJournal.class).requests(RequestJournal.matching(method, path, null),
        Integer.MAX_VALUE);
  }

  /** Empties the request journal, as {@code DELETE /__admin/requests}. */
  public void clearRequests() {
    context.getBean(RequestJournal.class).clear();
  }

  /** Stops the server; an in-memory database goes with it. */
  @Override
  public void close() {
    context.close();
  }
}
