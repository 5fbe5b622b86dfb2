package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.contacts.Contacts;
import com.onautomate.opportunities.mockserver.pipelines.Pipeline;
import com.onautomate.opportunities.mockserver.storage.SearchKeys;
import com.onautomate.opportunities.mockserver.tenancy.Locations;
import com.onautomate.opportunities.server.model.Contact;
import com.onautomate.opportunities.server.model.Opportunity;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one owner of the {@code opportunity} table: every read and write of it goes through here
 * (the list queries through its {@link OpportunityRows}), and every write keeps in step, in the
 * same transaction, what depends on the rows: the pipeline's {@code opportunity_count} and page
 * buckets ({@link PageBuckets}), the location's data version ({@link Locations#dataChanged}, which
 * voids kept answers and totals), and the derived columns ({@code title_lower} by
 * {@link SearchKeys}, {@code dedupe_contact_id} from the pipeline's duplicate setting). The API's
 * writes and the demo data use it alike, so no writer can leave a count or a key behind.
 *
 * <p>It runs in the caller's transaction. Every write takes its row locks in one order
 * (opportunity, then the caller's contact, then pipeline, then location), so no two writes wait for
 * each other in a circle. A plain {@code @Component}, not a {@code @Repository}: the latter's
 * exception-translation proxy costs a reflective call per query, and {@code JdbcClient} translates
 * already (bench/FINDINGS.md).
 */
@Component
public class OpportunityStore {

  /** An opportunity as it is stored; {@code pipeline} tells its duplicate setting. */
  public record NewOpportunity(String id, String locationId, Pipeline pipeline, String stageId, String contactId,
                               String title, String status, Double monetaryValue, String assignedTo, String source,
                               long lastStatusChangeAt, long createdAt, long updatedAt) {
  }

  /**
   * What an update stores: title, status, stage and contact replace; {@code monetaryValue},
   * {@code assignedTo} and {@code source} left {@code null} keep their values.
   */
  record Change(String stageId, String contactId, String title, String status, Double monetaryValue,
                String assignedTo, String source, long lastStatusChangeAt, long updatedAt) {
  }

  /** The times and status of an opportunity whose row this transaction has locked. */
  record Locked(String status, long lastStatusChangeAt, long updatedAt) {
  }

  /** A page of a list and the list's total. */
  record Page(List<Opportunity> opportunities, long total) {
  }

  private final JdbcClient jdbc;
  private final OpportunityRows rows;
  private final PageBuckets buckets;
  private final ListTotals totals;
  private final Locations locations;

  OpportunityStore(JdbcClient jdbc, OpportunityRows rows, PageBuckets buckets, ListTotals totals,
                   Locations locations) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.buckets = buckets;
    this.totals = totals;
    this.locations = locations;
  }

  public Optional<Opportunity> find(String locationId, String pipelineId, String opportunityId) {
    return jdbc.sql("SELECT " + OpportunityRows.COLUMNS + """
             FROM opportunity o JOIN contact c ON c.id = o.contact_id
            WHERE o.id = ? AND o.pipeline_id = ? AND o.location_id = ?""")
        .params(opportunityId, pipelineId, locationId)
        .query(OpportunityRows.MAPPER).optional();
  }

  boolean exists(String locationId, String pipelineId, String opportunityId) {
    return jdbc.sql("SELECT COUNT(*) FROM opportunity WHERE id = ? AND pipeline_id = ? AND location_id = ?")
        .params(opportunityId, pipelineId, locationId).query(Long.class).single() > 0;
  }

  /**
   * Stores a new opportunity (its contact exists already). The pipeline's row is locked only after
   * the insert, for the counts: creates in one pipeline queue there, so the rest of their work is
   * outside the section they share.
   */
  public void insert(NewOpportunity o) {
    jdbc.sql("""
            INSERT INTO opportunity (id, location_id, pipeline_id, stage_id, contact_id, dedupe_contact_id,
              title, title_lower, status, monetary_value, assigned_to, source,
              last_status_change_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(o.id(), o.locationId(), o.pipeline().id(), o.stageId(), o.contactId(),
            dedupeKey(o.pipeline(), o.contactId()), o.title(), SearchKeys.lower(o.title()), o.status(),
            o.monetaryValue(), o.assignedTo(), o.source(), o.lastStatusChangeAt(), o.createdAt(), o.updatedAt())
        .update();
    count(o.pipeline().id(), 1);
    buckets.added(o.pipeline().id(), o.createdAt(), o.id());
    locations.dataChanged(o.locationId());
  }

  /**
   * Stores a new opportunity with its contact as {@link Contacts#findOrCreate} left it, and returns
   * it as a read of both rows would, without that read (reading back what it had just written was a
   * tenth of a create's database work, bench/FINDINGS.md).
   */
  public Opportunity insert(NewOpportunity o, Contact contact) {
    insert(o);
    return OpportunityRows.opportunity(o.id(), o.pipeline().id(), o.stageId(), o.title(), o.status(),
        o.monetaryValue(), o.assignedTo(), o.source(), o.lastStatusChangeAt(), o.createdAt(), o.updatedAt(),
        contact);
  }

  /** Locks the opportunity's row for an update or status change; empty when there is no such opportunity. */
  Optional<Locked> lock(String locationId, String pipelineId, String opportunityId) {
    return jdbc.sql("""
            SELECT status, last_status_change_at, updated_at FROM opportunity
            WHERE id = ? AND pipeline_id = ? AND location_id = ? FOR UPDATE""")
        .params(opportunityId, pipelineId, locationId)
        .query((rs, n) -> new Locked(rs.getString(1), rs.getLong(2), rs.getLong(3)))
        .optional();
  }

  /** Updates an opportunity locked by {@link #lock} and returns it as read back. */
  Opportunity update(String locationId, Pipeline pipeline, String opportunityId, Change change) {
    jdbc.sql("""
            UPDATE opportunity SET stage_id = ?, contact_id = ?, dedupe_contact_id = ?, title = ?, title_lower = ?,
              status = ?, monetary_value = COALESCE(?, monetary_value), assigned_to = COALESCE(?, assigned_to),
              source = COALESCE(?, source), last_status_change_at = ?, updated_at = ?
            WHERE id = ?""")
        .params(change.stageId(), change.contactId(), dedupeKey(pipeline, change.contactId()), change.title(),
            SearchKeys.lower(change.title()), change.status(), change.monetaryValue(), change.assignedTo(),
            change.source(), change.lastStatusChangeAt(), change.updatedAt(), opportunityId)
        .update();
    Opportunity updated = find(locationId, pipeline.id(), opportunityId).orElseThrow();
    locations.dataChanged(locationId);
    return updated;
  }

  /** Sets the status and stage of an opportunity locked by {@link #lock}. */
  void changeStatus(String locationId, String opportunityId, String status, String stageId, long lastStatusChangeAt,
                    long updatedAt) {
    jdbc.sql("UPDATE opportunity SET status = ?, stage_id = ?, last_status_change_at = ?, updated_at = ? WHERE id = ?")
        .params(status, stageId, lastStatusChangeAt, updatedAt, opportunityId)
        .update();
    locations.dataChanged(locationId);
  }

  /** Deletes an opportunity; false when there is no such opportunity. */
  boolean delete(String locationId, String pipelineId, String opportunityId) {
    Optional<Long> createdAt = jdbc.sql("""
            SELECT created_at FROM opportunity WHERE id = ? AND pipeline_id = ? AND location_id = ? FOR UPDATE""")
        .params(opportunityId, pipelineId, locationId).query(Long.class).optional();
    if (createdAt.isEmpty()) {
      return false;
    }
    count(pipelineId, -1);
    jdbc.sql("DELETE FROM opportunity WHERE id = ?").param(opportunityId).update();
    buckets.removed(pipelineId, createdAt.get(), opportunityId);
    locations.dataChanged(locationId);
    return true;
  }

  /**
   * Deletes every opportunity of the location, with its pipelines' counts and page buckets, in the
   * caller's transaction (for a reset). The caller moves the location's data version on.
   */
  public void deleteAllOf(String locationId) {
    jdbc.sql("DELETE FROM opportunity WHERE location_id = ?").param(locationId).update();
    for (String pipelineId : jdbc.sql("SELECT id FROM pipeline WHERE location_id = ? ORDER BY id")
        .param(locationId).query(String.class).list()) {
      buckets.clear(pipelineId);
    }
    jdbc.sql("UPDATE pipeline SET opportunity_count = 0 WHERE location_id = ?").param(locationId).update();
  }

  /**
   * A page of the pipeline's opportunities, oldest first, with the list's total. Unfiltered: the
   * bucket the page starts in, found from the buckets' counts, then a small OFFSET inside it.
   * Filtered: the index that fits the filter, counted only when the page does not tell the total.
   */
  Page page(String locationId, Pipeline pipeline, ListQuery query) {
    if (!query.hasFilters()) {
      return unfilteredPage(pipeline, query);
    }
    OpportunityRows.ContactScope scope = rows.contactScope(locationId, query);
    if (scope.ids() != null && scope.ids().isEmpty()) {
      return new Page(List.of(), 0);  // no contact matches, so no opportunity does
    }
    List<Opportunity> page = rows.page(locationId, pipeline.id(), query, scope);
    long total;
    if (!page.isEmpty() && page.size() < query.limit()) {
      total = query.offset() + page.size();  // the last page tells the total by itself
    } else if (page.isEmpty() && query.offset() == 0) {
      total = 0;
    } else {
      long version = locations.dataVersion(locationId);
      total = totals.total(locationId, pipeline.id(), version, query,
          () -> rows.count(locationId, pipeline.id(), query, scope));
    }
    return new Page(page, total);
  }

  private Page unfilteredPage(Pipeline pipeline, ListQuery query) {
    List<PageBuckets.Bucket> all = buckets.all(pipeline.id());
    long total = 0;
    for (PageBuckets.Bucket bucket : all) {
      total += bucket.count();
    }
    long before = 0;
    for (PageBuckets.Bucket bucket : all) {
      if (query.offset() < before + bucket.count()) {
        return new Page(rows.pageFrom(pipeline.id(), bucket, query.offset() - before, query.limit()), total);
      }
      before += bucket.count();
    }
    return new Page(List.of(), total);
  }

  /**
   * Recounts a pipeline whose page buckets do not add up to its opportunities: rows written by SQL
   * behind the server's back (a data set loaded by an extra migration, say). False when they add up.
   */
  boolean recountIfStale(Pipeline pipeline) {
    // The pipeline's row lock, as creates and deletes take it: nothing changes while it is recounted.
    jdbc.sql("SELECT id FROM pipeline WHERE id = ? FOR UPDATE").param(pipeline.id()).query(String.class).single();
    long stored = jdbc.sql("SELECT COUNT(*) FROM opportunity WHERE pipeline_id = ?").param(pipeline.id())
        .query(Long.class).single();
    if (stored == buckets.counted(pipeline.id())) {
      return false;
    }
    buckets.rebuild(pipeline.id());
    jdbc.sql("UPDATE pipeline SET opportunity_count = ? WHERE id = ?").params(stored, pipeline.id()).update();
    // Rows came from elsewhere: totals other servers remember for the location are void.
    locations.dataChanged(pipeline.locationId());
    return true;
  }

  /** Changes the pipeline's count, and so takes its row lock (held to the commit). */
  private void count(String pipelineId, int delta) {
    jdbc.sql("UPDATE pipeline SET opportunity_count = opportunity_count + ? WHERE id = ?")
        .params(delta, pipelineId).update();
  }

  /** The contact, in a pipeline that allows no duplicates: its unique index is the duplicate rule. */
  private static String dedupeKey(Pipeline pipeline, String contactId) {
    return pipeline.allowDuplicates() ? null : contactId;
  }
}
