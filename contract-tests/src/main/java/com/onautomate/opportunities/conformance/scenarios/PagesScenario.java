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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paging ({@code pages_partition}): five fixtures of one company walked two at a time, page 1's {@code nextPageUrl}
 * followed, and the whole pipeline walked seven at a time; each page a {@link Step#PAGE}.
 */
final class PagesScenario extends Scenario {
  PagesScenario(Session session) {
    super(session, Part.PAGES);
  }

  void run() {
    String marker = session.identities().marker();
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
      TestCase c = testCase(ops.list(), Kind.POSITIVE, "page " + page + " of " + filter, null, query, null,
          session.options().token());
      Response response = session.dispatcher().transmit(c.request());
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
      session.dispatcher().record(new Exchange(c, response, Step.PAGE,
          new Facts.Page(page, limit, last ? new Facts.Page.Walk(bodies, expected) : null)));
      if (last) {
        break;
      }
    }
    if (followNextUrl && nextUrl != null && pageTwoIds != null) {
      followNextPageUrl(nextUrl, limit, pageTwoIds);
    }
  }

  /** Follows page 1's {@code nextPageUrl}; what it lists is compared with what {@code page=2} listed. */
  private void followNextPageUrl(String nextUrl, int limit, String pageTwoIds) {
    Request r;
    try {
      r = session.requests().follow(nextUrl);
    } catch (IllegalArgumentException e) {
      return;
    }
    TestCase c = new TestCase(ops.list(), Phase.SEMANTIC, Kind.POSITIVE, "nextPageUrl of page 1", null, r);
    Response response = session.dispatcher().transmit(r);
    JsonNode body = Json.parse(response.body());
    session.dispatcher().record(new Exchange(c, response, Step.NEXT_PAGE_URL,
        new Facts.NextPageUrl(limit, body == null ? response.describe() : ids(body), pageTwoIds)));
  }

  private static String ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("opportunities").forEach(o -> out.add(Json.text(o, "id")));
    return out.toString();
  }
}
