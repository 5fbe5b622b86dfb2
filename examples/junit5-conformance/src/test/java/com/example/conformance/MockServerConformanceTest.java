package com.example.conformance;

import com.onautomate.opportunities.conformance.junit.ConformanceTests;
import com.onautomate.opportunities.mockserver.DemoData;
import com.onautomate.opportunities.mockserver.MockServerTest;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite as this build's tests: one test per check × operation, against a mock server started in
 * this JVM for the class. A team writes the same against its own server's URL, token and ids.
 */
@MockServerTest
class MockServerConformanceTest {

  @TestFactory
  Stream<DynamicNode> conformance(URI baseUrl) {
    return suite(baseUrl).dynamicTests();
  }

  /** The suite against the demo location of a mock server (also run against a faulty one by FaultyServerTest). */
  static ConformanceTests suite(URI baseUrl) {
    return ConformanceTests.against(baseUrl)
        .token(DemoData.TOKEN)
        .otherToken(DemoData.OTHER_TOKEN)
        .pipelineId(DemoData.PIPELINE_ID)
        .stageIds(DemoData.STAGE_NEW_ID, DemoData.STAGE_CONTACTED_ID)
        .seed(1)
        .maxExamples(5);
  }
}
