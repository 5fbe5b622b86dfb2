package com.onautomate.opportunities.conformance.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.semantic.DuplicateOpportunityRule;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A valid request refused for what only the server's stored data tells: a duplicate (the duplicate rule's 400), an
 * unknown stage or contact (422 {@code invalid} on {@code stageId} or {@code contactId}). The suite's own cases never
 * meet one by accident; live traffic and replayed requests do (a replayed create meets the opportunity it made the
 * first time), and one exchange cannot say whether the refusal was right, so {@code positive_data_acceptance} does not
 * judge it: the case is judged as a {@link Kind#SCENARIO} (the other checks still judge the answer's status, shape and
 * body).
 */
public final class StoredDataRefusal {
  private static final Set<String> STATE_DEPENDENT_FIELDS = Set.of("stageId", "contactId");

  private StoredDataRefusal() {
  }

  /** The case as judged once its answer is known. */
  public static TestCase judgedAs(TestCase c, Response response) {
    if (c.kind() != Kind.POSITIVE || !refusedForData(response)) {
      return c;
    }
    return new TestCase(c.operation(), c.phase(), Kind.SCENARIO, c.description()
        + ", refused for what only the server's data tells (" + response.describe() + ")", c.target(), c.request());
  }

  private static boolean refusedForData(Response response) {
    JsonNode body = Json.parse(response.body());
    if (body == null || !body.isObject()) {
      return false;
    }
    if (response.status() == 400) {
      return DuplicateOpportunityRule.MESSAGE.equals(Json.text(body, "msg"));
    }
    if (response.status() != 422 || body.isEmpty()) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!STATE_DEPENDENT_FIELDS.contains(e.getKey()) || !"invalid".equals(Json.text(e.getValue(), "rule"))) {
        return false;
      }
    }
    return true;
  }
}
