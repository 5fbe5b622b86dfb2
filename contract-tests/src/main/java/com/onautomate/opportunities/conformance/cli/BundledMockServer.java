package com.onautomate.opportunities.conformance.cli;

import java.lang.reflect.Method;
import java.util.List;

/** The mock server shipped in conformance.jar, started in-process on a free port with its demo data. */
final class BundledMockServer implements AutoCloseable {
  static final String TOKEN = "demo-token";
  static final String OTHER_TOKEN = "demo-token-2";
  static final String PIPELINE = "bCkKGpDsyPP4peuKowkG";
  static final List<String> STAGES = List.of(
      "8b897c8f-b859-49c1-88f2-ed590708a85c", "7915dedc-8f18-44d5-8bc3-77c04e994a10",
      "3f1f6c9e-2d9b-4a51-9a57-4a1c3c1e8a01", "c0a5d7e2-6b0e-4f6d-8a43-0f5e2b9d7c12");
  private static final String CLASS = "com.onautomate.opportunities.mockserver.MockServer";

  private final AutoCloseable server;
  private final String baseUrl;

  private BundledMockServer(AutoCloseable server, String baseUrl) {
    this.server = server;
    this.baseUrl = baseUrl;
  }

  static BundledMockServer start() {
    try {
      Class<?> type = Class.forName(CLASS);
      Method start = type.getMethod("start", String[].class);
      Object server = start.invoke(null, (Object) new String[] {
          "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN"});
      String url = String.valueOf(type.getMethod("baseUrl").invoke(server));
      return new BundledMockServer((AutoCloseable) server, url);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no --base-url given and the bundled mock server is not in this build");
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("the bundled mock server did not start: " + cause.getMessage());
    }
  }

  String baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (Exception e) {
      // the process is ending anyway; a failed shutdown changes no result
    }
  }
}
