package com.onautomate.opportunities.conformance.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.Session;
import com.onautomate.opportunities.conformance.engine.Step;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paging ({@code pages_partition}): five fixtures walked two at a time under filters whose values need encoding (a
 * space, a non-ASCII letter, a repeated {@code tags}), every page's {@code nextPageUrl} followed as given, and the
 * whole pipeline walked seven at a time; each page a {@link Step#PAGE}, each followed URL a
 * {@link Step#NEXT_PAGE_URL}.
 */
final class PagesScenario extends Scenario {
  PagesScenario(Session session) {
    super(session, Part.PAGES);
  }

  void run() {
    String marker = session.identities().marker();
    List<String> tags = List.of(marker + "-p1", marker + "-p2");
    Set<String> expected = new LinkedHashSet<>();
    for (int i = 0; i < 5; i++) {
      ObjectNode b = body("Page fixture " + i);
      b.put("companyName", "Paging é " + marker);
      var t = b.putArray("tags");
      tags.forEach(t::add);
      JsonNode opp = create(b);
      if (opp != null) {
        expected.add(Json.text(opp, "id"));
      }
    }
    Map<String, List<String>> filter = new LinkedHashMap<>();
    filter.put("companyName", List.of("ging é " + marker));
    filter.put("tags", tags);
    walk(filter, 2, expected, true);
    walk(Map.of(), 7, null, false);
  }

  /** Walks every page of a query with a small limit, the page past the end included; then follows nextPageUrls. */
  private void walk(Map<String, List<String>> filter, int limit, Set<String> expected, boolean followNextUrls) {
    List<JsonNode> bodies = new ArrayList<>();
    Map<Integer, String> nextUrls = new LinkedHashMap<>();
    Map<Integer, String> idsByPage = new LinkedHashMap<>();
    for (int page = 1; page <= 200; page++) {
      List<Map.Entry<String, String>> query = new ArrayList<>();
      filter.forEach((k, values) -> values.forEach(v -> query.add(Map.entry(k, v))));
      query.add(Map.entry("limit", Integer.toString(limit)));
      query.add(Map.entry("page", Integer.toString(page)));
      TestCase c = testCase(ops.list(), Kind.POSITIVE, "page " + page + " of " + filter, null, query, null,
          session.options().token());
      Response response = session.dispatcher().transmit(c.request());
      JsonNode body = Json.parse(response.body());
      boolean ok = response.status() == 200 && body != null && body.path("opportunities").isArray();
      String problem = null;
      if (ok) {
        bodies.add(body);
        idsByPage.put(page, ids(body));
        JsonNode url = body.path("meta").path("nextPageUrl");
        if (url.isTextual()) {
          problem = followable(url.asText());
          if (problem == null) {
            nextUrls.put(page, url.asText());
          }
        }
      }
      boolean last = !ok || body.path("opportunities").isEmpty();
      session.dispatcher().record(new Exchange(c, response, Step.PAGE,
          new Facts.Page(page, limit, last ? new Facts.Page.Walk(bodies, expected) : null, problem)));
      if (last) {
        break;
      }
    }
    if (followNextUrls) {
      nextUrls.forEach((page, url) -> followNextPageUrl(url, page + 1, limit, idsByPage.get(page + 1)));
    }
  }

  /** Null when a nextPageUrl can be followed as the contract says, else why not. */
  private String followable(String url) {
    try {
      session.requests().follow(url);
      return null;
    } catch (IllegalArgumentException e) {
      return "nextPageUrl " + url + " cannot be followed: " + e.getMessage();
    }
  }

  /** Follows a nextPageUrl; what it lists is compared with what {@code page=N} listed. */
  private void followNextPageUrl(String url, int page, int limit, String expectedIds) {
    Request r = session.requests().follow(url);
    TestCase c = new TestCase(ops.list(), Phase.SEMANTIC, Kind.POSITIVE, "nextPageUrl of page " + (page - 1), null,
        r);
    Response response = session.dispatcher().transmit(r);
    JsonNode body = Json.parse(response.body());
    session.dispatcher().record(new Exchange(c, response, Step.NEXT_PAGE_URL,
        new Facts.NextPageUrl(url, page, limit, body == null ? response.describe() : ids(body), expectedIds)));
  }

  private static String ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("opportunities").forEach(o -> out.add(Json.text(o, "id")));
    return out.toString();
  }
}
