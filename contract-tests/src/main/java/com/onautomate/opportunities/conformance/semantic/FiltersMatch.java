package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.checks.Inputs;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Catches a list filter that returns an opportunity it does not match, or misses one that it matches. */
public final class FiltersMatch implements Check {

  @Override
  public String name() {
    return "filters_match";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("filtered lists", e -> e.step() == Step.FILTER, Part.FILTERS);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.step() != Step.FILTER || exchange.response().status() != 200) {
      return CheckResult.skip();
    }
    Facts.Filter filter = exchange.facts(Facts.Filter.class);
    String param = filter.param();
    List<String> values = filter.values();
    List<JsonNode> items = filter.items();
    Set<String> mustInclude = filter.mustInclude();
    List<String> wrong = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode item : items) {
      seen.add(Json.text(item, "id"));
      if (!FilterSemantics.matches(param, values, item)) {
        wrong.add(Json.text(item, "id"));
      }
    }
    Set<String> missing = new LinkedHashSet<>(mustInclude);
    missing.removeAll(seen);
    if (wrong.isEmpty() && missing.isEmpty()) {
      return CheckResult.pass();
    }
    List<String> problems = new ArrayList<>();
    if (!wrong.isEmpty()) {
      problems.add("listed but not matching: " + wrong);
    }
    if (!missing.isEmpty()) {
      problems.add("matching but not listed: " + missing);
    }
    return CheckResult.fail("Filter does not match its value",
        param + "=" + String.join("&" + param + "=", values) + ": " + String.join("; ", problems),
        "only and all opportunities that match " + param + " as documented");
  }

}
