package com.example.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a team sees in its CI: the Surefire XML of {@link MockServerConformanceTest} holds one test case per check ×
 * operation, named after both, and none failed against the mock server.
 */
class SurefireReportIT {

  @Test
  void oneTestCasePerCheckAndOperationAllGreen() throws Exception {
    Path xml = Path.of(System.getProperty("surefireReports"), "TEST-" + MockServerConformanceTest.class.getName() + ".xml");
    Assumptions.assumeTrue(Files.exists(xml), "Surefire did not run MockServerConformanceTest in this build");
    Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
    NodeList cases = suite.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      String name = ((Element) cases.item(i)).getAttribute("name"); // "<factory's display name> <test's>"
      assertThat(name).startsWith("conformance(URI) ");
      names.add(name.substring("conformance(URI) ".length()));
    }

    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    assertThat(names).contains("status_code_conformance — GET /v1/pipelines/{pipelineId}/opportunities",
        "tenant_isolation — DELETE /v1/pipelines/{pipelineId}/opportunities/{opportunityId}", "completeness");
    long operations = names.stream().filter(n -> n.startsWith("not_a_server_error — ")).count();
    long checks = names.stream().filter(n -> n.endsWith(" — GET /v1/pipelines/{pipelineId}/opportunities")).count();
    assertThat(operations).isEqualTo(6);
    assertThat(checks).isEqualTo(24);
    assertThat(names).hasSize((int) (checks * operations) + 1);
  }
}
