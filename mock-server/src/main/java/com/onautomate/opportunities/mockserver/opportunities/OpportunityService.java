package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.contacts.ContactWrite;
import com.onautomate.opportunities.mockserver.contacts.Contacts;
import com.onautomate.opportunities.mockserver.pipelines.Pipeline;
import com.onautomate.opportunities.mockserver.pipelines.Pipelines;
import com.onautomate.opportunities.mockserver.errors.ApiException;
import com.onautomate.opportunities.mockserver.errors.FieldProblems;
import com.onautomate.opportunities.mockserver.storage.Ids;
import com.onautomate.opportunities.mockserver.tenancy.Locations;
import com.onautomate.opportunities.server.model.Opportunity;
import com.onautomate.opportunities.server.model.OpportunityRequest;
import com.onautomate.opportunities.server.model.OpportunityStatusRequest;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The opportunity operations. Every write is one transaction, so a request that fails leaves
 * nothing behind; the rules that two concurrent requests could both pass if checked in Java
 * (one contact per email, the duplicate-opportunity rule) are unique indexes of the database.
 * Every write ends by changing the location's data version (see {@link ListTotals}). Row locks are
 * taken in one order by every write (opportunity, contact, pipeline, location), so no two writes
 * wait for each other in a circle.
 */
@Service
class OpportunityService {

  private static final int ATTEMPTS = 8;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Pipelines pipelines;
  private final Contacts contacts;
  private final OpportunityRows rows;
  private final PageBuckets buckets;
  private final Locations locations;
  private final ListTotals totals;

  OpportunityService(JdbcClient jdbc, TransactionTemplate tx, Pipelines pipelines, Contacts contacts,
                     OpportunityRows rows, PageBuckets buckets, Locations locations, ListTotals totals) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.pipelines = pipelines;
    this.contacts = contacts;
    this.rows = rows;
    this.buckets = buckets;
    this.locations = locations;
    this.totals = totals;
  }

  Opportunity get(String locationId, String pipelineId, String opportunityId) {
    requirePlausible(opportunityId);
    return rows.find(locationId, pipelineId, opportunityId).orElseThrow(ApiException::notFound);
  }

  Page list(String locationId, String pipelineId, ListQuery query) {
    Pipeline pipeline = pipeline(locationId, pipelineId);
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

  /** The bucket the page starts in, found from the buckets' counts, then a small OFFSET inside it. */
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

  Opportunity create(String locationId, String pipelineId, OpportunityRequest request) {
    Pipeline pipeline = pipeline(locationId, pipelineId);
    check(locationId, pipeline, request, OpportunityBody.problemsOf(request));
    return retrying(() -> tx.execute(status -> {
      long now = System.currentTimeMillis();
      String contactId = contacts.findOrCreate(locationId, contactWrite(request), now);
      String id = Ids.newId(now);
      jdbc.sql("""
              INSERT INTO opportunity (id, location_id, pipeline_id, stage_id, contact_id, dedupe_contact_id,
                title, title_lower, status, monetary_value, assigned_to, source,
                last_status_change_at, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(id, locationId, pipeline.id(), request.getStageId(), contactId,
              pipeline.allowDuplicates() ? null : contactId,
              request.getTitle(), request.getTitle().toLowerCase(Locale.ROOT), request.getStatus().getValue(),
              request.getMonetaryValue(), request.getAssignedTo(), request.getSource(), now, now, now)
          .update();
      Opportunity created = rows.find(locationId, pipeline.id(), id).orElseThrow();
      // Locks the pipeline row only now, for the counts: creates in one pipeline queue here, so the
      // contact, the insert and the read above are outside the section they share.
      jdbc.sql("UPDATE pipeline SET opportunity_count = opportunity_count + 1 WHERE id = ?")
          .param(pipeline.id()).update();
      buckets.added(pipeline.id(), now, id);
      locations.dataChanged(locationId);
      return created;
    }));
  }

  Opportunity update(String locationId, String pipelineId, String opportunityId, OpportunityRequest request) {
    Pipeline pipeline = pipeline(locationId, pipelineId);
    requireOpportunity(locationId, pipeline, opportunityId);
    check(locationId, pipeline, request, OpportunityBody.problemsOf(request));
    return retrying(() -> tx.execute(status -> {
      Current current = lockOpportunity(locationId, pipeline, opportunityId);
      long now = Math.max(System.currentTimeMillis(), current.updatedAt + 1);
      String contactId = contacts.findOrCreate(locationId, contactWrite(request), now);
      String newStatus = request.getStatus().getValue();
      long statusChangeAt = newStatus.equals(current.status) ? current.lastStatusChangeAt : now;
      jdbc.sql("""
              UPDATE opportunity SET stage_id = ?, contact_id = ?, dedupe_contact_id = ?, title = ?, title_lower = ?,
                status = ?, monetary_value = COALESCE(?, monetary_value), assigned_to = COALESCE(?, assigned_to),
                source = COALESCE(?, source), last_status_change_at = ?, updated_at = ?
              WHERE id = ?""")
          .params(request.getStageId(), contactId, pipeline.allowDuplicates() ? null : contactId,
              request.getTitle(), request.getTitle().toLowerCase(Locale.ROOT), newStatus,
              request.getMonetaryValue(), request.getAssignedTo(), request.getSource(), statusChangeAt, now,
              opportunityId)
          .update();
      Opportunity updated = rows.find(locationId, pipeline.id(), opportunityId).orElseThrow();
      locations.dataChanged(locationId);
      return updated;
    }));
  }

  void changeStatus(String locationId, String pipelineId, String opportunityId, OpportunityStatusRequest request) {
    Pipeline pipeline = pipeline(locationId, pipelineId);
    requireOpportunity(locationId, pipeline, opportunityId);
    FieldProblems problems = new FieldProblems();
    problems.addAll(StatusBody.problemsOf(request));
    if (request.getStageId() != null && !pipeline.hasStage(request.getStageId())) {
      problems.invalid("stageId");
    }
    problems.throwIfAny();
    retrying(() -> tx.execute(status -> {
      Current current = lockOpportunity(locationId, pipeline, opportunityId);
      long now = Math.max(System.currentTimeMillis(), current.updatedAt + 1);
      String newStatus = request.getStatus().getValue();
      long statusChangeAt = newStatus.equals(current.status) ? current.lastStatusChangeAt : now;
      jdbc.sql("UPDATE opportunity SET status = ?, stage_id = ?, last_status_change_at = ?, updated_at = ? WHERE id = ?")
          .params(newStatus, request.getStageId(), statusChangeAt, now, opportunityId)
          .update();
      locations.dataChanged(locationId);
      return null;
    }));
  }

  void delete(String locationId, String pipelineId, String opportunityId) {
    Pipeline pipeline = pipeline(locationId, pipelineId);
    requirePlausible(opportunityId);
    retrying(() -> tx.execute(status -> {
      // Locks in the one order every write follows: opportunity, contact, pipeline, location.
      long createdAt = jdbc.sql("""
              SELECT created_at FROM opportunity WHERE id = ? AND pipeline_id = ? AND location_id = ? FOR UPDATE""")
          .params(opportunityId, pipeline.id(), locationId).query(Long.class).optional()
          .orElseThrow(ApiException::notFound);
      jdbc.sql("UPDATE pipeline SET opportunity_count = opportunity_count - 1 WHERE id = ?")
          .param(pipeline.id()).update();
      jdbc.sql("DELETE FROM opportunity WHERE id = ?").param(opportunityId).update();
      buckets.removed(pipeline.id(), createdAt, opportunityId);
      locations.dataChanged(locationId);
      return null;
    }));
  }

  private static void requirePlausible(String id) {
    if (!Ids.plausible(id)) {
      throw ApiException.notFound();
    }
  }

  private Pipeline pipeline(String locationId, String pipelineId) {
    requirePlausible(pipelineId);
    return pipelines.find(locationId, pipelineId).orElseThrow(ApiException::notFound);
  }

  private void requireOpportunity(String locationId, Pipeline pipeline, String opportunityId) {
    requirePlausible(opportunityId);
    long found = jdbc.sql("SELECT COUNT(*) FROM opportunity WHERE id = ? AND pipeline_id = ? AND location_id = ?")
        .params(opportunityId, pipeline.id(), locationId).query(Long.class).single();
    if (found == 0) {
      throw ApiException.notFound();
    }
  }

  /** The field problems of the body, plus those only the database can tell: stage and contact. */
  private void check(String locationId, Pipeline pipeline, OpportunityRequest request, FieldProblems bodyProblems) {
    FieldProblems problems = new FieldProblems();
    problems.addAll(bodyProblems);
    if (request.getStageId() != null && !pipeline.hasStage(request.getStageId())) {
      problems.invalid("stageId");
    }
    if (request.getContactId() != null && !contacts.exists(locationId, request.getContactId())) {
      problems.invalid("contactId");
    }
    problems.throwIfAny();
  }

  private static ContactWrite contactWrite(OpportunityRequest request) {
    List<String> tags = request.getTags();
    return new ContactWrite(request.getContactId(), request.getEmail(), request.getPhone(), request.getName(),
        request.getCompanyName(), tags);
  }

  private record Current(String status, long lastStatusChangeAt, long updatedAt) {
  }

  private Current lockOpportunity(String locationId, Pipeline pipeline, String opportunityId) {
    return jdbc.sql("""
            SELECT status, last_status_change_at, updated_at FROM opportunity
            WHERE id = ? AND pipeline_id = ? AND location_id = ? FOR UPDATE""")
        .params(opportunityId, pipeline.id(), locationId)
        .query((rs, n) -> new Current(rs.getString(1), rs.getLong(2), rs.getLong(3)))
        .optional().orElseThrow(ApiException::notFound);
  }

  /**
   * Runs a transaction again when it lost a race it can win on a second try: another request
   * created the same contact first, or the database chose it as a deadlock victim. A duplicate
   * opportunity is the client's answer, not a race to retry.
   */
  private static <T> T retrying(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (DataIntegrityViolationException e) {
        if (mentions(e, "UQ_OPPORTUNITY_DEDUPE")) {
          throw ApiException.duplicateOpportunity();
        }
        if (attempt >= ATTEMPTS || !(mentions(e, "UQ_CONTACT_EMAIL") || mentions(e, "UQ_CONTACT_PHONE")
            || mentions(e, "CONTACT_TAG"))) {
          throw e;
        }
      } catch (TransientDataAccessException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
      try {
        Thread.sleep(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static boolean mentions(Throwable e, String name) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.toUpperCase(Locale.ROOT).contains(name)) {
        return true;
      }
    }
    return false;
  }

  record Page(List<Opportunity> opportunities, long total) {
  }
}
