package com.onautomate.opportunities.client;

import com.onautomate.opportunities.mockserver.MockServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link MockServer} (the real one, on 127.0.0.1 and a free port, H2 in
 * memory, demo data loaded), started once for the whole test run and closed at its end.
 */
final class LiveMockServer implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LiveMockServer.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MockServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", key -> new Running(MockServer.start("--server.port=0")), Running.class)
        .server;
  }

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
