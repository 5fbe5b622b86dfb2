package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.checks.Inputs;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Step;

/** Catches a delete that answers a body or leaves the opportunity in the list. */
public final class DeleteRemoves implements Check {

  @Override
  public String name() {
    return "delete_removes";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("valid deletes and the lists after them",
        e -> (e.operation().id().equals("deleteOpportunity") && e.kind() == Kind.POSITIVE)
            || e.step() == Step.LIST_AFTER_DELETE, Part.GENERATED, Part.STATEFUL);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.operation().id().equals("deleteOpportunity") && exchange.response().is2xx()) {
      if (exchange.response().status() != 200 || !exchange.response().body().isEmpty()) {
        return CheckResult.fail("Delete answered with a body", exchange.response().describe(),
            "200 with an empty body");
      }
      return CheckResult.pass();
    }
    if (exchange.step() != Step.LIST_AFTER_DELETE || !exchange.response().is2xx()) {
      return CheckResult.skip();
    }
    String deleted = exchange.facts(Facts.ListAfterDelete.class).deletedId();
    JsonNode page = Json.parse(exchange.response().body());
    JsonNode items = page == null ? null : page.get("opportunities");
    if (items == null || !items.isArray()) {
      return CheckResult.cannotJudge("the list after the delete " + exchange.response().describe()
          + " has no `opportunities` array, so whether the deleted one is listed cannot be told");
    }
    for (JsonNode item : items) {
      if (deleted.equals(Json.text(item, "id"))) {
        return CheckResult.fail("Deleted opportunity still listed",
            "opportunity " + deleted + " is listed after a successful DELETE", "a deleted opportunity is never listed");
      }
    }
    JsonNode total = page.path("meta").get("total");
    if (total != null && total.isNumber() && total.asLong() != items.size()) {
      return CheckResult.fail("Deleted opportunity still counted",
          "meta.total " + total + " but " + items.size() + " listed", "meta.total counts the listed opportunities");
    }
    return CheckResult.pass();
  }
}
