package com.onautomate.opportunities.conformance.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.Session;
import com.onautomate.opportunities.conformance.engine.Step;
import com.onautomate.opportunities.conformance.semantic.FilterSemantics;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * List filters ({@code filters_match}): three fixtures told apart by every filter, then queries of every filter the
 * contract documents — non-ASCII letters in another case, a letter without its accent, {@code ß} against {@code ss},
 * a tag in another case among them — each listed to its last page as a {@link Step#FILTER} with the fixtures it must
 * return (any other it lists must match too).
 */
final class FiltersScenario extends Scenario {
  FiltersScenario(Session session) {
    super(session, Part.FILTERS);
  }

  void run() {
    String m = session.identities().marker();
    String s0 = session.options().stageIds().get(0);
    String s1 = session.values().otherStage(s0);
    String email2 = session.identities().email();
    String phone3 = session.identities().phone();
    JsonNode f1 = fixture(m + " Alpha Émile deal", m + " Person One", m + " Company One", s0, "open", 101.5,
        m + "-u1", List.of(m + "-t1", m + "-t2"), session.identities().email(), session.identities().phone());
    JsonNode f2 = fixture(m + " Beta deal", m + " Person Two", m + " Company Two", s1, "won", 202,
        m + "-u2", List.of(m + "-t1"), email2, session.identities().phone());
    JsonNode f3 = fixture("Gamma " + m + " Straße deal", m + " Person Three", m + " Company Three", s0, "lost",
        101.5, m + "-u1", List.of(m + "-t3"), session.identities().email(), phone3);
    if (f1 == null || f2 == null || f3 == null) {
      skipped("no filter was tried, since it needs all three fixtures");
      return;
    }
    List<JsonNode> fixtures = List.of(f1, f2, f3);
    Set<String> params = new LinkedHashSet<>();
    for (Parameter p : session.operations().list().parameters("query")) {
      params.add(p.getName());
    }
    List<Map.Entry<String, List<String>>> filters = new ArrayList<>();
    filters.add(Map.entry("title", List.of((m + " alpha").toUpperCase(Locale.ROOT))));
    // case-insensitive is lower-casing both sides, letter for letter: É matches é, but é is not e and ß is not ss
    filters.add(Map.entry("title", List.of((m + " alpha émile").toUpperCase(Locale.ROOT))));
    filters.add(Map.entry("title", List.of(m + " alpha emile")));
    filters.add(Map.entry("title", List.of(m + " STRASSE")));
    filters.add(Map.entry("name", List.of((m + " person t").toLowerCase(Locale.ROOT))));
    filters.add(Map.entry("companyName", List.of(m.toUpperCase(Locale.ROOT))));
    filters.add(Map.entry("email", List.of(email2.toUpperCase(Locale.ROOT))));
    filters.add(Map.entry("phone", List.of(phone3)));
    String contactId = Json.text(f1.get("contact"), "id");
    if (contactId != null && !contactId.isEmpty()) {
      filters.add(Map.entry("contactId", List.of(contactId)));
    } else if (params.contains("contactId")) {
      skipped("the contactId filter was not tried: the fixture's create answer has no contact.id");
    }
    filters.add(Map.entry("assignedTo", List.of(m + "-u1")));
    filters.add(Map.entry("monetaryValue", List.of("101.5")));
    filters.add(Map.entry("status", List.of("won")));
    filters.add(Map.entry("stageId", List.of(s1)));
    filters.add(Map.entry("tags", List.of(m + "-t1", m + "-t2")));
    filters.add(Map.entry("tags", List.of(m + "-t1")));
    // tags compare exactly: another case is another tag
    filters.add(Map.entry("tags", List.of((m + "-t1").toUpperCase(Locale.ROOT))));
    for (Map.Entry<String, List<String>> f : filters) {
      if (!params.contains(f.getKey())) {
        continue;
      }
      Set<String> must = new LinkedHashSet<>();
      for (JsonNode fixture : fixtures) {
        if (FilterSemantics.matches(f.getKey(), f.getValue(), fixture)) {
          must.add(Json.text(fixture, "id"));
        }
      }
      Object value = f.getValue().size() == 1 ? f.getValue().get(0) : f.getValue();
      session.listing().listAll(Map.of(f.getKey(), value), Phase.SEMANTIC, must, f.getKey(), f.getValue());
    }
  }

  private JsonNode fixture(String title, String name, String company, String stage, String status, double value,
                           String assignedTo, List<String> tags, String email, String phone) {
    ObjectNode b = body(title);
    b.put("name", name);
    b.put("companyName", company);
    b.put("stageId", stage);
    b.put("status", status);
    b.put("monetaryValue", value);
    b.put("assignedTo", assignedTo);
    b.put("email", email);
    b.put("phone", phone);
    var t = b.putArray("tags");
    tags.forEach(t::add);
    return create(b);
  }
}
