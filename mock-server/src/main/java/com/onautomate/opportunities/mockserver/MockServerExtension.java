package com.onautomate.opportunities.mockserver;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link MockServerTest}: one server per test class, kept in the class's
 * extension store (so it stops with the class), reset and its journal emptied before each test as
 * the annotation says, and resolved as a {@link MockServer} or {@link URI} parameter. Usable with
 * {@code @ExtendWith(MockServerExtension.class)} alone too (then with the annotation's defaults).
 */
public final class MockServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MockServerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    MockServer server = server(context);
    if (settings(context).map(MockServerTest::resetBeforeEach).orElse(false)) {
      server.reset();
    }
    server.clearRequests();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MockServer.class || type == URI.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MockServer server = server(context);
    return parameter.getParameter().getType() == URI.class ? server.baseUrl() : server;
  }

  /** The server of the test class, started on first use. */
  private static MockServer server(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", key -> new Running(start(settings(classContext))), Running.class)
        .server;
  }

  private static MockServer start(java.util.Optional<MockServerTest> settings) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
    settings.ifPresent(s -> {
      if (!s.fixtures().isEmpty()) {
        args.add("--onautomate.fixtures=" + s.fixtures());
      }
      args.addAll(Arrays.asList(s.args()));
    });
    return MockServer.start(args.toArray(String[]::new));
  }

  private static java.util.Optional<MockServerTest> settings(ExtensionContext context) {
    return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, MockServerTest.class));
  }

  /** The outermost context of the test class (a nested class shares its enclosing class's server). */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** Stops the server when JUnit closes the class's store. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    private final MockServer server;

    Running(MockServer server) {
      this.server = server;
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
