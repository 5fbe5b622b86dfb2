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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Catches pages that overlap, leave gaps, break the oldest-first order, carry inconsistent meta, or whose
 * {@code nextPageUrl} cannot be followed or does not answer the next page.
 */
public final class PagesPartition implements Check {

  @Override
  public String name() {
    return "pages_partition";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("pages of a walk",
        e -> e.step() == Step.PAGE || e.step() == Step.NEXT_PAGE_URL, Part.PAGES);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    List<String> problems = new ArrayList<>();
    if (exchange.step() == Step.PAGE && exchange.response().status() == 200) {
      JsonNode body = page(exchange);
      if (body == null) {
        return CheckResult.cannotJudge("the list answer " + exchange.response().describe()
            + " is not a page (an `opportunities` array and a `meta` object), so the pages cannot be compared");
      }
      Facts.Page page = exchange.facts(Facts.Page.class);
      problems.addAll(meta(body, page.page(), page.limit()));
      if (page.nextPageUrlProblem() != null) {
        problems.add("page " + page.page() + ": " + page.nextPageUrlProblem());
      }
      if (page.walk() != null) {
        problems.addAll(partition(page.walk().pages(), page.walk().expectedIds()));
      }
    } else if (exchange.step() == Step.NEXT_PAGE_URL) {
      Facts.NextPageUrl next = exchange.facts(Facts.NextPageUrl.class);
      JsonNode body = page(exchange);
      if (exchange.response().status() == 429) {
        return CheckResult.skip();
      }
      if (exchange.response().status() != 200 || body == null) {
        problems.add("following nextPageUrl " + next.url() + " answered " + exchange.response().describe()
            + ", not page " + next.page());
      } else {
        problems.addAll(meta(body, next.page(), next.limit()));
        if (next.expectedIds() != null && !next.listedIds().equals(next.expectedIds())) {
          problems.add("following nextPageUrl " + next.url() + " lists " + next.listedIds() + " but page="
              + next.page() + " lists " + next.expectedIds());
        }
      }
    } else {
      return CheckResult.skip();
    }
    if (problems.isEmpty()) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Pages do not partition the result set", String.join("; ", problems),
        "each opportunity on exactly one page, oldest createdAt first; meta.total, currentPage, nextPage, "
            + "prevPage, nextPageUrl consistent; nextPageUrl answers the next page");
  }

  /** The body of a list answer, or null when it is not one. */
  private static JsonNode page(Exchange exchange) {
    JsonNode body = Json.parse(exchange.response().body());
    return body != null && body.path("opportunities").isArray() && body.path("meta").isObject() ? body : null;
  }

  private static List<String> meta(JsonNode body, int page, int limit) {
    List<String> out = new ArrayList<>();
    JsonNode meta = body.get("meta");
    int count = body.get("opportunities").size();
    long total = meta.path("total").asLong(-1);
    if (count > limit) {
      out.add("page " + page + " has " + count + " items for limit " + limit);
    }
    if (meta.path("currentPage").asInt(-1) != page) {
      out.add("page " + page + " says currentPage " + meta.get("currentPage"));
    }
    Integer prev = page > 1 ? page - 1 : null;
    boolean pastTheEnd = page > 1 && total >= 0 && (long) (page - 1) * limit >= total;
    if (pastTheEnd ? !same(meta.get("prevPage"), null) && !same(meta.get("prevPage"), prev)
        : !same(meta.get("prevPage"), prev)) {
      out.add("page " + page + " says prevPage " + meta.get("prevPage") + ", expected " + prev
          + (pastTheEnd ? " or null (a page past the end)" : ""));
    }
    boolean more = (long) page * limit < total;
    Integer next = more ? page + 1 : null;
    if (!same(meta.get("nextPage"), next)) {
      out.add("page " + page + " of " + total + " (limit " + limit + ") says nextPage " + meta.get("nextPage")
          + ", expected " + next);
    }
    JsonNode url = meta.get("nextPageUrl");
    if ((url == null || url.isNull()) == more) {
      out.add("page " + page + " says nextPageUrl " + url + " although nextPage is " + next);
    }
    long expectedCount = Math.max(0, Math.min(limit, total - (long) (page - 1) * limit));
    if (total >= 0 && count != expectedCount) {
      out.add("page " + page + " has " + count + " items, expected " + expectedCount + " of total " + total);
    }
    return out;
  }

  private static boolean same(JsonNode node, Integer expected) {
    if (expected == null) {
      return node == null || node.isNull();
    }
    return node != null && node.isInt() && node.asInt() == expected;
  }

  private static List<String> partition(List<JsonNode> pages, Set<String> expectedIds) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    List<JsonNode> all = new ArrayList<>();
    Set<Long> totals = new HashSet<>();
    for (JsonNode p : pages) {
      totals.add(p.path("meta").path("total").asLong(-1));
      for (JsonNode item : p.path("opportunities")) {
        all.add(item);
        if (!seen.add(Json.text(item, "id"))) {
          duplicates.add(Json.text(item, "id"));
        }
      }
    }
    if (!duplicates.isEmpty()) {
      out.add("on two pages: " + duplicates);
    }
    if (totals.size() > 1) {
      out.add("meta.total differs between pages: " + totals);
    } else if (!totals.isEmpty() && totals.iterator().next() != all.size()) {
      out.add("meta.total is " + totals.iterator().next() + " but the pages list " + all.size());
    }
    if (expectedIds != null) {
      Set<String> missing = new LinkedHashSet<>(expectedIds);
      missing.removeAll(seen);
      if (!missing.isEmpty()) {
        out.add("on no page: " + missing);
      }
    }
    for (int i = 1; i < all.size(); i++) {
      JsonNode a = all.get(i - 1);
      JsonNode b = all.get(i);
      Instant ta = Expectations.instant(a, "createdAt");
      Instant tb = Expectations.instant(b, "createdAt");
      // Within one instant the order is the server's (api/ERRATA.md #39): only createdAt is judged.
      if (ta != null && tb != null && ta.isAfter(tb)) {
        out.add("not oldest first: " + Json.text(a, "id") + " before " + Json.text(b, "id"));
        break;
      }
    }
    return out;
  }
}
