package com.onautomate.opportunities.conformance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.SharedMockServer;
import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.report.Failure;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.TextReport;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answers that once crashed the run or showed a Java exception as what was received: each now ends in a report whose
 * failures say in words what the server did.
 */
class BrokenAnswersTest {
  private static FaultProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    proxy = new FaultProxy(URI.create(SharedMockServer.baseUrl()));
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  private static RunResult runWith(Fault fault) {
    proxy.inject(fault);
    try {
      return Suite.run(Suite.options(proxy.baseUrl(), 11L, 2), null);
    } finally {
      proxy.inject(Fault.NONE);
    }
  }

  /** No failure shows a Java exception in place of what the server sent. */
  private static void assertInWords(RunResult result) {
    String report = TextReport.render(result);
    assertThat(result.failures()).as(report).isNotEmpty();
    for (Failure f : result.failures()) {
      assertThat(f.received() + " " + f.documented()).as(report)
          .doesNotContain("Exception").doesNotContain("Cannot invoke").doesNotContain("because the return value");
    }
  }

  @Test
  void aCreateAnswerWithoutIdStopsTheStatefulSequenceWithAReason() {
    RunResult result = runWith(Faults.response((r, res) -> {
      JsonNode n = res.json();
      if (r.isCollection() && r.method().equals("POST") && res.isSuccessLike() && n != null && n.isObject()) {
        ((ObjectNode) n).remove("id");
        return res.withJson(n);
      }
      return res;
    }));

    assertInWords(result);
    assertThat(result.failures()).as(TextReport.render(result))
        .anySatisfy(f -> assertThat(f.received()).contains("the create answer has no `id`")
            .contains("so the stateful sequence stopped here"));
  }

  @Test
  void aContactSentAsAStringIsASchemaFailureNotACrash() {
    RunResult result = runWith(Faults.response((r, res) -> {
      JsonNode n = res.json();
      if (n == null || !res.isSuccessLike()) {
        return res;
      }
      List<JsonNode> opportunities = n.has("opportunities") ? List.copyOf(List.of(n.get("opportunities")))
          : List.of(n);
      for (JsonNode list : opportunities) {
        for (JsonNode o : list.isArray() ? list : List.of(list)) {
          if (o.isObject() && o.has("contact")) {
            ((ObjectNode) o).put("contact", "Jane Doe <jane@example.com>");
          }
        }
      }
      return res.withJson(n);
    }));

    assertInWords(result);
    assertThat(result.failures()).extracting(Failure::check).contains("response_schema_conformance");
  }

  @Test
  void anErrorBodyWithAnotherKeyIsShownAsReceived() {
    RunResult result = runWith(Faults.response((r, res) -> res.status() == 404
        ? Fault.Res.json(404, "{\"message\": \"Not Found\"}") : res));

    assertInWords(result);
    assertThat(result.failures()).filteredOn(f -> f.check().equals("error_body_shape"))
        .anySatisfy(f -> assertThat(f.received()).startsWith("404 {\"message\": \"Not Found\"}"));
  }

  /** Issue 18: a 503 with Retry-After, as the contract documents on every operation, is no failure of any check. */
  @Test
  void aDocumented503IsAnAnswerTheContractAllows() {
    RunResult result;
    proxy.inject(Faults.response((r, res) -> r.isCollection() && r.method().equals("GET")
        && r.query().contains("limit=100") && !r.query().contains("page=")
        ? Fault.Res.json(503, "{\"msg\":\"Service Unavailable\"}").withHeader("Retry-After", "5") : res));
    try {
      result = Suite.run(Suite.options(proxy.baseUrl(), 11L, 2), null);
    } finally {
      proxy.inject(Fault.NONE);
    }

    assertThat(result.failures()).as(TextReport.render(result))
        .noneSatisfy(f -> assertThat(f.received()).startsWith("503"));
    assertThat(result.coverage()).filteredOn(c -> c.check().equals("response_headers_conformance"))
        .allSatisfy(c -> assertThat(c.judged()).as("503s judged for their Retry-After").isPositive());
  }
}
