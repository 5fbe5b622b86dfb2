package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.contacts.ContactWrite;
import com.onautomate.opportunities.mockserver.contacts.Contacts;
import com.onautomate.opportunities.mockserver.errors.ApiException;
import com.onautomate.opportunities.mockserver.errors.DatabaseOutage;
import com.onautomate.opportunities.mockserver.errors.FieldProblems;
import com.onautomate.opportunities.mockserver.pipelines.Pipeline;
import com.onautomate.opportunities.mockserver.pipelines.Pipelines;
import com.onautomate.opportunities.mockserver.storage.Ids;
import com.onautomate.opportunities.server.model.Contact;
import com.onautomate.opportunities.server.model.Opportunity;
import com.onautomate.opportunities.server.model.OpportunityRequest;
import com.onautomate.opportunities.server.model.OpportunityStatusRequest;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The opportunity operations: the contract's rules and answers, one transaction per write, the
 * rows through {@link OpportunityStore}. Every write is one transaction, so a request that fails
 * leaves nothing behind; the rules that two concurrent requests could both pass if checked in Java
 * (one contact per email, the duplicate-opportunity rule) are unique indexes of the database.
 */
@Service
class OpportunityService {

  private static final int ATTEMPTS = 8;

  private final TransactionTemplate tx;
  private final Pipelines pipelines;
  private final Contacts contacts;
  private final OpportunityStore store;

  OpportunityService(TransactionTemplate tx, Pipelines pipelines, Contacts contacts, OpportunityStore store) {
    this.tx = tx;
    this.pipelines = pipelines;
    this.contacts = contacts;
    this.store = store;
  }

  Opportunity get(String locationId, String pipelineId, String opportunityId) {
    requirePlausible(opportunityId);
    return store.find(locationId, pipelineId, opportunityId).orElseThrow(ApiException::notFound);
  }

  OpportunityStore.Page list(String locationId, String pipelineId, ListQuery query) {
    return store.page(locationId, pipeline(locationId, pipelineId), query);
  }

  Opportunity create(String locationId, String pipelineId, OpportunityRequest request) {
    Pipeline pipeline = pipeline(locationId, pipelineId);
    check(locationId, pipeline, request, OpportunityBody.problemsOf(request));
    return retrying(() -> tx.execute(status -> {
      long now = System.currentTimeMillis();
      Contact contact = contacts.findOrCreate(locationId, contactWrite(request), now);
      return store.insert(new OpportunityStore.NewOpportunity(Ids.newId(now), locationId, pipeline,
          request.getStageId(), contact.getId(), request.getTitle(), request.getStatus().getValue(),
          request.getMonetaryValue(), request.getAssignedTo(), request.getSource(), now, now, now), contact);
    }));
  }

  Opportunity update(String locationId, String pipelineId, String opportunityId, OpportunityRequest request) {
    Pipeline pipeline = pipeline(locationId, pipelineId);
    requireOpportunity(locationId, pipeline, opportunityId);
    check(locationId, pipeline, request, OpportunityBody.problemsOf(request));
    return retrying(() -> tx.execute(status -> {
      OpportunityStore.Locked current = lock(locationId, pipeline, opportunityId);
      long now = Math.max(System.currentTimeMillis(), current.updatedAt() + 1);
      String contactId = contacts.findOrCreate(locationId, contactWrite(request), now).getId();
      String newStatus = request.getStatus().getValue();
      long statusChangeAt = newStatus.equals(current.status()) ? current.lastStatusChangeAt() : now;
      return store.update(locationId, pipeline, opportunityId, new OpportunityStore.Change(request.getStageId(),
          contactId, request.getTitle(), newStatus, request.getMonetaryValue(), request.getAssignedTo(),
          request.getSource(), statusChangeAt, now));
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
      OpportunityStore.Locked current = lock(locationId, pipeline, opportunityId);
      long now = Math.max(System.currentTimeMillis(), current.updatedAt() + 1);
      String newStatus = request.getStatus().getValue();
      long statusChangeAt = newStatus.equals(current.status()) ? current.lastStatusChangeAt() : now;
      store.changeStatus(locationId, opportunityId, newStatus, request.getStageId(), statusChangeAt, now);
      return null;
    }));
  }

  void delete(String locationId, String pipelineId, String opportunityId) {
    Pipeline pipeline = pipeline(locationId, pipelineId);
    requirePlausible(opportunityId);
    retrying(() -> tx.execute(status -> {
      if (!store.delete(locationId, pipeline.id(), opportunityId)) {
        throw ApiException.notFound();
      }
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
    if (!store.exists(locationId, pipeline.id(), opportunityId)) {
      throw ApiException.notFound();
    }
  }

  private OpportunityStore.Locked lock(String locationId, Pipeline pipeline, String opportunityId) {
    return store.lock(locationId, pipeline.id(), opportunityId).orElseThrow(ApiException::notFound);
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
        // A database that cannot be reached is answered 503 at once, not waited for eight times.
        if (attempt >= ATTEMPTS || DatabaseOutage.causedBy(e)) {
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
}
