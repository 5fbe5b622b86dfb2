package com.onautomate.opportunities.conformance.cli;

import com.onautomate.opportunities.mockserver.DemoData;
import com.onautomate.opportunities.mockserver.MockServer;
import java.util.List;

/** The mock server shipped in conformance.jar, started in-process on a free port with its demo data. */
final class BundledMockServer implements AutoCloseable {
  static final String TOKEN = DemoData.TOKEN;
  static final String OTHER_TOKEN = DemoData.OTHER_TOKEN;
  static final String PIPELINE = DemoData.PIPELINE_ID;
  static final List<String> STAGES = List.of(DemoData.STAGE_NEW_ID, DemoData.STAGE_CONTACTED_ID,
      DemoData.STAGE_PROPOSAL_ID, DemoData.STAGE_CLOSED_ID);

  private final MockServer server;

  private BundledMockServer(MockServer server) {
    this.server = server;
  }

  static BundledMockServer start() {
    try {
      return new BundledMockServer(MockServer.start("--server.port=0", "--spring.main.banner-mode=off",
          "--spring.main.log-startup-info=false",
          "--logging.level.root=WARN", "--logging.level.com.onautomate=WARN"));
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new IllegalArgumentException("the bundled mock server did not start: " + root.getMessage());
    }
  }

  String baseUrl() {
    return server.baseUrl().toString();
  }

  @Override
  public void close() {
    server.close();
  }
}
