package com.onautomate.opportunities.conformance.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.generation.CaseGenerator;
import com.onautomate.opportunities.conformance.http.PathTemplate;
import com.onautomate.opportunities.conformance.spec.OpportunityOperations;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The opportunities a run makes through the API for its generated cases — one shared fixture, and a fresh one for
 * each case that consumes its target — and every opportunity any case creates, tracked so that the run deletes
 * what it made.
 */
final class Fixtures {
  private final Operation create;
  private final Operation delete;
  private final Set<String> alive = new LinkedHashSet<>();

  Fixtures(OpportunityOperations operations) {
    this.create = operations.create();
    this.delete = operations.delete();
  }

  /** Remembers opportunities created and deleted; sees every exchange recorded, in order. */
  void track(Exchange e) {
    if (e.operation() == create && e.response().is2xx()) {
      String id = e.answeredId();
      if (id != null) {
        alive.add(id);
      }
    }
    if (e.operation() == delete && e.response().is2xx()) {
      alive.remove(delete.pathTemplate().read(e.request().path(), "opportunityId"));
    }
  }

  /** Creates an opportunity with a valid body; returns its id, or an id that does not exist when none came back. */
  String create(Session session, Phase phase) {
    String id = create(session, phase, session.values().validBody(create)).answeredId();
    return id != null ? id : "unknown" + session.identities().marker();
  }

  /** Creates an opportunity with {@code body} (a {@link Step#FIXTURE}); returns the exchange. */
  Exchange create(Session session, Phase phase, ObjectNode body) {
    return session.dispatcher().send(new TestCase(create, phase, Kind.POSITIVE, "fixture", null,
        session.requests().build(create, session.requests().pathParams(create, null), List.of(), Json.write(body),
            session.options().token())), Step.FIXTURE, Facts.NONE);
  }

  /** The case as it is sent: a {@link CaseGenerator#FRESH_OPPORTUNITY} in its path replaced by a fixture made now. */
  TestCase resolve(Session session, TestCase c) {
    if (!c.request().path().contains(CaseGenerator.FRESH_OPPORTUNITY)) {
      return c;
    }
    String id = create(session, c.phase());
    String path = c.request().path().replace(CaseGenerator.FRESH_OPPORTUNITY, PathTemplate.encodeSegment(id));
    return new TestCase(c.operation(), c.phase(), c.kind(), c.description(), c.target(), c.request().withPath(path));
  }

  /** Deletes every opportunity the run made and has not deleted. */
  void cleanUp(Session session) {
    List<TestCase> deletes = new ArrayList<>();
    for (String id : new ArrayList<>(alive)) {
      deletes.add(session.requests().positive(delete, Phase.SEMANTIC, "clean-up", id, List.of(), null));
    }
    session.dispatcher().sendAll(deletes);
  }
}
