package com.onautomate.opportunities.conformance.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists every page of a filtered query (limit 100) and records each page; the last page is a {@link Step#FILTER}
 * carrying the items of all pages, which {@code filters_match} judges.
 */
public final class FilteredListing {
  private final Session session;

  FilteredListing(Session session) {
    this.session = session;
  }

  /**
   * Lists every page of a query.
   *
   * @param filter the filter as sent: parameter → a value or a list of values
   * @param mustInclude ids of opportunities that match the filter
   * @param param the parameter judged, and {@code values} its values
   * @return the last page's exchange
   */
  public Exchange listAll(Map<String, Object> filter, Phase phase, Set<String> mustInclude, String param,
                          List<String> values) {
    Operation list = session.operations().list();
    List<JsonNode> items = new ArrayList<>();
    Exchange last = null;
    for (int page = 1; page <= 30; page++) {
      List<Map.Entry<String, String>> query = new ArrayList<>();
      filter.forEach((k, v) -> {
        if (v instanceof List<?> l) {
          l.forEach(x -> query.add(Map.entry(k, String.valueOf(x))));
        } else {
          query.add(Map.entry(k, String.valueOf(v)));
        }
      });
      query.add(Map.entry("limit", "100"));
      query.add(Map.entry("page", Integer.toString(page)));
      TestCase c = new TestCase(list, phase, Kind.POSITIVE, "list " + filter + " page " + page, null,
          session.requests().build(list, session.requests().pathParams(list, null), query, null,
              session.options().token()));
      Response r = session.dispatcher().transmit(c.request());
      JsonNode body = Json.parse(r.body());
      JsonNode opps = body == null ? null : body.get("opportunities");
      if (opps != null && opps.isArray()) {
        opps.forEach(items::add);
      }
      boolean more = r.status() == 200 && body != null && body.path("meta").path("nextPage").isInt()
          && opps != null && !opps.isEmpty();
      last = session.dispatcher().record(more ? new Exchange(c, r)
          : new Exchange(c, r, Step.FILTER, new Facts.Filter(param, values, items, mustInclude)));
      if (!more) {
        break;
      }
    }
    return last;
  }
}
