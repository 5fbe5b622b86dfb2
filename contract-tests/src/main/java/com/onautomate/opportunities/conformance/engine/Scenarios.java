package com.onautomate.opportunities.conformance.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.generation.CaseGenerator;
import com.onautomate.opportunities.conformance.generation.Identities;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The contract's own rules, each exercised with fixtures the scenario creates through the API itself. */
final class Scenarios {
  private final ConformanceRun run;
  private final CaseGenerator gen;
  private final Identities ids;
  private final RunOptions options;

  Scenarios(ConformanceRun run) {
    this.run = run;
    this.gen = run.gen();
    this.ids = gen.identities();
    this.options = run.options();
  }

  void runAll(String fixture) {
    pages();
    filters();
    duplicates();
    contactIdentification(fixture);
    if (options.otherToken() != null) {
      tenantIsolation(fixture);
    }
  }

  private TestCase scenario(Operation op, Kind kind, String description, Map<String, String> path,
                            List<Map.Entry<String, String>> query, String body, String token) {
    return new TestCase(op, Phase.SEMANTIC, kind, description, null, gen.requests().build(op, path, query, body, token));
  }

  private Map<String, String> path(Operation op, String id) {
    return gen.requests().pathParams(op, id);
  }

  private JsonNode create(ObjectNode body) {
    Exchange e = run.send(scenario(run.create(), Kind.POSITIVE, "scenario fixture", path(run.create(), null),
        List.of(), Json.write(body), options.token()), Step.CREATE, Facts.NONE);
    return e.response().is2xx() ? Json.parse(e.response().body()) : null;
  }

  private ObjectNode body(String title) {
    ObjectNode b = Json.object();
    b.put("title", title);
    b.put("status", "open");
    b.put("stageId", options.stageIds().get(0));
    b.put("email", ids.email());
    return b;
  }

  // ------------------------------------------------------------------ pages

  private void pages() {
    String marker = ids.marker();
    Set<String> expected = new LinkedHashSet<>();
    for (int i = 0; i < 5; i++) {
      ObjectNode b = body("Page fixture " + i);
      b.put("companyName", "Paging " + marker);
      JsonNode opp = create(b);
      if (opp != null) {
        expected.add(Json.text(opp, "id"));
      }
    }
    walk(Map.of("companyName", marker), 2, expected, true);
    walk(Map.of(), 7, null, false);
  }

  /** Walks every page of a query with a small limit; the page past the end included. */
  private void walk(Map<String, String> filter, int limit, Set<String> expected, boolean followNextUrl) {
    List<JsonNode> bodies = new ArrayList<>();
    String nextUrl = null;
    String pageTwoIds = null;
    for (int page = 1; page <= 200; page++) {
      List<Map.Entry<String, String>> query = new ArrayList<>();
      filter.forEach((k, v) -> query.add(Map.entry(k, v)));
      query.add(Map.entry("limit", Integer.toString(limit)));
      query.add(Map.entry("page", Integer.toString(page)));
      TestCase c = scenario(run.list(), Kind.POSITIVE, "page " + page + " of " + filter, path(run.list(), null),
          query, null, options.token());
      var response = run.transport().send(c.request());
      JsonNode body = Json.parse(response.body());
      boolean ok = response.status() == 200 && body != null && body.path("opportunities").isArray();
      if (ok) {
        bodies.add(body);
      }
      boolean last = !ok || body.path("opportunities").isEmpty();
      if (page == 1 && ok && body.path("meta").path("nextPageUrl").isTextual()) {
        nextUrl = body.path("meta").path("nextPageUrl").asText();
      }
      if (page == 2 && ok) {
        pageTwoIds = ids(body);
      }
      run.recorder().record(new Exchange(c, response, Step.PAGE,
          new Facts.Page(page, limit, last ? new Facts.Page.Walk(bodies, expected) : null)));
      if (last) {
        break;
      }
    }
    if (followNextUrl && nextUrl != null && pageTwoIds != null) {
      Request r;
      try {
        r = gen.requests().follow(nextUrl);
      } catch (IllegalArgumentException e) {
        return;
      }
      TestCase c = new TestCase(run.list(), Phase.SEMANTIC, Kind.POSITIVE, "nextPageUrl of page 1", null, r);
      var response = run.transport().send(r);
      JsonNode body = Json.parse(response.body());
      run.recorder().record(new Exchange(c, response, Step.NEXT_PAGE_URL,
          new Facts.NextPageUrl(limit, body == null ? response.describe() : ids(body), pageTwoIds)));
    }
  }

  private static String ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("opportunities").forEach(o -> out.add(Json.text(o, "id")));
    return out.toString();
  }

  // ------------------------------------------------------------------ filters

  private void filters() {
    String m = ids.marker();
    String s0 = options.stageIds().get(0);
    String s1 = gen.values().otherStage(s0);
    JsonNode f1 = filterFixture(m + " Alpha deal", m + " Person One", m + " Company One", s0, "open", 101.5,
        m + "-u1", List.of(m + "-t1", m + "-t2"));
    JsonNode f2 = filterFixture(m + " Beta deal", m + " Person Two", m + " Company Two", s1, "won", 202,
        m + "-u2", List.of(m + "-t1"));
    JsonNode f3 = filterFixture("Gamma " + m + " deal", m + " Person Three", m + " Company Three", s0, "lost", 101.5,
        m + "-u1", List.of(m + "-t3"));
    if (f1 == null || f2 == null || f3 == null) {
      return;
    }
    List<JsonNode> fixtures = List.of(f1, f2, f3);
    Set<String> params = new LinkedHashSet<>();
    for (Parameter p : run.list().parameters("query")) {
      params.add(p.getName());
    }
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put("title", List.of((m + " alpha").toUpperCase(Locale.ROOT)));
    cases.put("name", List.of((m + " person t").toLowerCase(Locale.ROOT)));
    cases.put("companyName", List.of(m.toUpperCase(Locale.ROOT)));
    cases.put("email", List.of(Json.text(f2.get("contact"), "email").toUpperCase(Locale.ROOT)));
    cases.put("phone", List.of(Json.text(f3.get("contact"), "phone")));
    cases.put("contactId", List.of(Json.text(f1.get("contact"), "id")));
    cases.put("assignedTo", List.of(m + "-u1"));
    cases.put("monetaryValue", List.of("101.5"));
    cases.put("status", List.of("won"));
    cases.put("stageId", List.of(s1));
    cases.put("tags", List.of(m + "-t1", m + "-t2"));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      if (!params.contains(c.getKey())) {
        continue;
      }
      Set<String> must = new LinkedHashSet<>();
      for (JsonNode f : fixtures) {
        if (com.onautomate.opportunities.conformance.semantic.FilterSemantics.matches(c.getKey(), c.getValue(), f)) {
          must.add(Json.text(f, "id"));
        }
      }
      Object value = c.getValue().size() == 1 ? c.getValue().get(0) : c.getValue();
      run.listAll(Map.of(c.getKey(), value), Phase.SEMANTIC, must, c.getKey(), c.getValue());
    }
    if (params.contains("tags")) {
      List<String> one = List.of(m + "-t1");
      Set<String> must = new LinkedHashSet<>(List.of(Json.text(f1, "id"), Json.text(f2, "id")));
      run.listAll(Map.of("tags", one), Phase.SEMANTIC, must, "tags", one);
    }
  }

  private JsonNode filterFixture(String title, String name, String company, String stage, String status,
                                 double value, String assignedTo, List<String> tags) {
    ObjectNode b = body(title);
    b.put("name", name);
    b.put("companyName", company);
    b.put("stageId", stage);
    b.put("status", status);
    b.put("monetaryValue", value);
    b.put("assignedTo", assignedTo);
    b.put("phone", ids.phone());
    var t = b.putArray("tags");
    tags.forEach(t::add);
    return create(b);
  }

  // ------------------------------------------------------------------ duplicates

  private void duplicates() {
    ObjectNode first = body("Duplicate original");
    String email = first.get("email").asText();
    JsonNode original = create(first);
    if (original == null) {
      return;
    }
    String contactId = Json.text(original.get("contact"), "id");
    ObjectNode byEmail = body("Duplicate by email");
    byEmail.put("email", email.toUpperCase(Locale.ROOT));
    run.send(scenario(run.create(), Kind.SCENARIO, "second opportunity, same email",
        path(run.create(), null), List.of(), Json.write(byEmail), options.token()), Step.DUPLICATE, Facts.NONE);
    ObjectNode byId = body("Duplicate by contactId");
    byId.remove("email");
    byId.put("contactId", contactId);
    run.send(scenario(run.create(), Kind.SCENARIO, "second opportunity, same contactId",
        path(run.create(), null), List.of(), Json.write(byId), options.token()), Step.DUPLICATE, Facts.NONE);
    ObjectNode other = body("Duplicate other");
    String otherEmail = other.get("email").asText();
    JsonNode second = create(other);
    if (second != null) {
      ObjectNode move = body("Duplicate moved");
      move.put("email", email);
      run.send(scenario(run.update(), Kind.SCENARIO, "move to a contact that has one already",
          path(run.update(), Json.text(second, "id")), List.of(), Json.write(move), options.token()), Step.DUPLICATE,
          Facts.NONE);
      count(otherEmail, 1);
    }
    count(email, 1);
  }

  private void count(String email, long expected) {
    run.send(scenario(run.list(), Kind.POSITIVE, "count after refused duplicates", path(run.list(), null),
        List.of(Map.entry("email", email), Map.entry("limit", "100")), null, options.token()),
        Step.DUPLICATE_COUNT, new Facts.DuplicateCount(expected));
  }

  // ------------------------------------------------------------------ contact identification

  private void contactIdentification(String fixture) {
    ObjectNode none = body("No contact");
    none.remove("email");
    run.send(scenario(run.create(), Kind.NEGATIVE, "no contactId, email or phone", path(run.create(), null),
        List.of(), Json.write(none), options.token()), Step.NONE, Facts.NONE);
    run.send(scenario(run.update(), Kind.NEGATIVE, "no contactId, email or phone", path(run.update(), fixture),
        List.of(), Json.write(none), options.token()), Step.NONE, Facts.NONE);
    ObjectNode unknown = body("Unknown contact");
    unknown.remove("email");
    unknown.put("contactId", "unknown" + ids.marker());
    run.send(scenario(run.create(), Kind.SCENARIO, "an unknown contactId", path(run.create(), null), List.of(),
        Json.write(unknown), options.token()), Step.UNKNOWN_CONTACT, Facts.NONE);
    run.send(scenario(run.update(), Kind.SCENARIO, "an unknown contactId", path(run.update(), fixture), List.of(),
        Json.write(unknown), options.token()), Step.UNKNOWN_CONTACT, Facts.NONE);
  }

  // ------------------------------------------------------------------ tenants

  private void tenantIsolation(String fixture) {
    String other = options.otherToken();
    Exchange before = run.send(scenario(run.get(), Kind.POSITIVE, "read before the other location tries",
        path(run.get(), fixture), List.of(), null, options.token()), Step.NONE, Facts.NONE);
    if (before.response().status() != 200) {
      return;
    }
    JsonNode state = Json.parse(before.response().body());
    run.send(scenario(run.get(), Kind.SCENARIO, "read with the other location's token", path(run.get(), fixture),
        List.of(), null, other), Step.OTHER_TENANT, Facts.NONE);
    run.send(scenario(run.list(), Kind.SCENARIO, "list with the other location's token", path(run.list(), null),
        List.of(), null, other), Step.OTHER_TENANT, Facts.NONE);
    ObjectNode change = body("Changed by another location");
    run.send(scenario(run.update(), Kind.SCENARIO, "update with the other location's token",
        path(run.update(), fixture), List.of(), Json.write(change), other), Step.OTHER_TENANT, Facts.NONE);
    ObjectNode st = Json.object();
    st.put("status", "abandoned");
    st.put("stageId", options.stageIds().get(0));
    run.send(scenario(run.status(), Kind.SCENARIO, "status change with the other location's token",
        path(run.status(), fixture), List.of(), Json.write(st), other), Step.OTHER_TENANT, Facts.NONE);
    run.send(scenario(run.create(), Kind.SCENARIO, "create in this pipeline with the other location's token",
        path(run.create(), null), List.of(), Json.write(body("Created by another location")), other),
        Step.OTHER_TENANT, Facts.NONE);
    run.send(scenario(run.delete(), Kind.SCENARIO, "delete with the other location's token",
        path(run.delete(), fixture), List.of(), null, other), Step.OTHER_TENANT, Facts.NONE);
    run.send(scenario(run.get(), Kind.POSITIVE, "read after the other location tried", path(run.get(), fixture),
        List.of(), null, options.token()), Step.TENANT_READBACK, new Facts.TenantReadback(state));
  }
}
