package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * The totals of filtered lists, remembered per location data version: every write to a location
 * changes its version in the database (in the write's transaction), so a total is reused only while
 * nothing in the location changed, whichever server made the change. Without it every full page of
 * a filtered list counts its matches again (a scan of the pipeline for a substring filter).
 */
@Component
class ListTotals {

  /** The filters of a list, normalised (tags as a sorted set), with the data version they were counted at. */
  private record Key(String locationId, String pipelineId, long version, String titleLower, String stageId,
                     String status, Double monetaryValue, String assignedTo, String contactId, String emailKey,
                     String nameLower, String phone, List<String> tags, String companyNameLower) {
  }

  private final ConcurrentMap<Key, Long> totals = new ConcurrentHashMap<>();
  private final int maxEntries;

  ListTotals(MockServerProperties properties) {
    this.maxEntries = Math.max(1, properties.listTotalsMax());
  }

  /**
   * The total for these filters at {@code version}, counted by {@code count} when not known yet.
   * The version must be read before the count, so that a total is never older than its version.
   */
  long total(String locationId, String pipelineId, long version, ListQuery q, LongSupplier count) {
    Key key = new Key(locationId, pipelineId, version, q.titleLower(), q.stageId(), q.status(), q.monetaryValue(),
        q.assignedTo(), q.contactId(), q.emailKey(), q.nameLower(), q.phone(), List.copyOf(new TreeSet<>(q.tags())),
        q.companyNameLower());
    Long known = totals.get(key);
    if (known != null) {
      return known;
    }
    long total = count.getAsLong();
    if (totals.size() >= maxEntries) {
      // Most entries are of versions already gone; starting over is simpler than tracking which.
      totals.clear();
    }
    totals.put(key, total);
    return total;
  }
}
