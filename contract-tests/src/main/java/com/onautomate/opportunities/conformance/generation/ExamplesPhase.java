package com.onautomate.opportunities.conformance.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The examples phase (Schemathesis's {@code examples}): the contract's own examples, sent as valid cases. */
final class ExamplesPhase {
  private final RunOptions options;
  private final Values values;
  private final Identities ids;
  private final Requests requests;

  ExamplesPhase(RunOptions options, Values values, Identities ids, Requests requests) {
    this.options = options;
    this.values = values;
    this.ids = ids;
    this.requests = requests;
  }

  /** The spec's body examples and parameter examples of an operation, made valid for this server. */
  List<TestCase> cases(Operation op, String opportunityId) {
    List<TestCase> out = new ArrayList<>();
    List<Map.Entry<String, String>> query = new ArrayList<>();
    for (Parameter p : op.parameters("query")) {
      Object example = p.getExample() != null ? p.getExample() : p.getSchema().getExample();
      if (example != null) {
        queryValues(example).forEach(v -> query.add(Map.entry(p.getName(), v)));
      }
    }
    if (op.bodySchema() == null) {
      out.add(requests.positive(op, Phase.EXAMPLES, "parameter examples", opportunityId, query, null));
      if (!query.isEmpty()) {
        out.add(requests.positive(op, Phase.EXAMPLES, "no optional parameter", opportunityId, List.of(), null));
      }
      return out;
    }
    int i = 0;
    for (Object example : op.bodyExamples()) {
      ObjectNode body = (ObjectNode) Json.MAPPER.valueToTree(example);
      fixDomainKeepingShape(body);
      i++;
      out.add(requests.positive(op, Phase.EXAMPLES, "body example " + i, opportunityId, query, body));
    }
    return out;
  }

  /**
   * A query parameter's example as sent: an array (the contract's {@code form}, {@code explode: true} style) as one
   * value per item, {@code tags=ea&tags=b}; a number in plain notation.
   */
  static List<String> queryValues(Object example) {
    JsonNode node = Json.MAPPER.valueToTree(example);
    List<String> out = new ArrayList<>();
    for (JsonNode item : node.isArray() ? node : List.of(node)) {
      out.add(item.isNumber() ? item.decimalValue().toPlainString() : item.asText());
    }
    return out;
  }

  /** Makes an example valid for this server, keeping which of contactId/email/phone it uses (contactId becomes email). */
  private void fixDomainKeepingShape(ObjectNode body) {
    if (body.has("stageId") && !options.stageIds().contains(body.get("stageId").asText())) {
      body.put("stageId", values.stage());
    }
    if (body.has("contactId")) {
      body.remove("contactId");
      body.put("email", ids.email());
    }
    if (body.has("email")) {
      body.put("email", ids.email());
    }
    if (body.has("phone")) {
      body.put("phone", ids.phone());
    }
  }
}
