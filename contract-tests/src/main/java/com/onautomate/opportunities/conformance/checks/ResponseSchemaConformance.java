package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;
import java.util.List;

/** Catches response bodies that break the documented schema (missing or extra-null properties, wrong types, formats). */
public final class ResponseSchemaConformance implements AnswerCheck {

  @Override
  public String name() {
    return "response_schema_conformance";
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.kind() == Kind.UNSUPPORTED_METHOD || exchange.kind() == Kind.OPTIONS) {
      return CheckResult.skip();
    }
    int status = exchange.response().status();
    if (exchange.operation().mediaTypes(status).isEmpty()) {
      return CheckResult.skip();
    }
    List<String> errors = context.validator().responseBodyErrors(
        exchange.operation().method(), exchange.request().path(), exchange.response());
    if (errors.isEmpty()) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Response violates schema", exchange.response().describe(), String.join("; ", errors));
  }
}
