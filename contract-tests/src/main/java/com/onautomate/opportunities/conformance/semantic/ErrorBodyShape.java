package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.checks.AnswerCheck;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Catches 4xx bodies without the documented shape: the msg texts, and 422 maps keyed by the offending field with a known rule. */
public final class ErrorBodyShape implements AnswerCheck {
  static final Set<String> RULES =
      Set.of("required", "invalid", "string", "numeric", "integer", "array", "email", "min", "max");
  static final Map<Integer, Set<String>> MESSAGES = Map.of(
      400, Set.of("Bad Request", DuplicateOpportunityRule.MESSAGE),
      401, Set.of("Unauthorized"),
      404, Set.of("Not Found"),
      413, Set.of("Payload Too Large"),
      415, Set.of("Unsupported Media Type"),
      429, Set.of("Too Many Requests"));

  @Override
  public String name() {
    return "error_body_shape";
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    int status = exchange.response().status();
    if (status < 400 || status >= 500 || !exchange.operation().documents(status)
        || exchange.kind() == Kind.UNSUPPORTED_METHOD || exchange.kind() == Kind.OPTIONS) {
      return CheckResult.skip();
    }
    JsonNode body = Json.parse(exchange.response().body());
    if (body == null || !body.isObject()) {
      return fail(exchange, status == 422 ? "a field map" : "{\"msg\": \"...\"}");
    }
    if (status != 422) {
      Set<String> allowed = MESSAGES.get(status);
      String msg = Json.text(body, "msg");
      if (msg != null && (allowed == null || allowed.contains(msg))) {
        return CheckResult.pass();
      }
      return fail(exchange, allowed == null ? "{\"msg\": \"...\"}" : "{\"msg\": \"" + String.join("\" or \"", allowed) + "\"}");
    }
    List<String> problems = new ArrayList<>();
    Set<String> fields = exchange.operation().fieldNames();
    if (body.isEmpty()) {
      problems.add("no field");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String base = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      if (!key.equals(ContactIdentificationRule.KEY) && !fields.contains(base)) {
        problems.add("unknown key \"" + key + "\"");
      }
      JsonNode v = e.getValue();
      if (!v.isObject() || !v.path("message").isTextual() || !RULES.contains(v.path("rule").asText(""))) {
        problems.add("\"" + key + "\" is " + v);
      }
    }
    String target = exchange.testCase().target();
    if (target != null && exchange.kind() == Kind.NEGATIVE && !hasKeyFor(body, target)) {
      problems.add("no entry for the offending field \"" + target + "\"");
    }
    if (problems.isEmpty()) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Error body does not have the documented shape",
        exchange.response().describe() + " (" + String.join("; ", problems) + ")",
        "one entry per offending field, keyed by its name, {\"message\": string, \"rule\": one of " + RULES.stream().sorted().toList() + "}");
  }

  private static boolean hasKeyFor(JsonNode body, String target) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equals(target) || key.startsWith(target + ".")) {
        return true;
      }
    }
    return false;
  }

  private static CheckResult fail(Exchange exchange, String documented) {
    return CheckResult.fail("Error body does not have the documented shape", exchange.response().describe(), documented);
  }
}
