package com.onautomate.opportunities.conformance.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.http.TransportException;
import com.onautomate.opportunities.conformance.spec.OpportunityOperations;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the arguments against the server before anything is generated, with the API alone, and stops the run with
 * one line (exit 2) when they are wrong — after deleting whatever the probes made. What each probe costs:
 *
 * <ul>
 *   <li>token and pipeline: the first page ({@code limit=1}); 401 or 404 → bad {@code --token} / {@code --pipeline-id};
 *   <li>{@code --other-token} (only with {@code tenant_isolation} selected): the same page with that token; 401 → it
 *       is refused (another location's 404 is what the contract wants);
 *   <li>{@code --stage-id}: none extra for the first stage — the run's shared fixture is created in it — and one status
 *       change of that fixture per further stage; a 422 keyed {@code stageId} → not a stage of the pipeline;
 *   <li>a pipeline that allows duplicates (only with {@code duplicate_opportunity_rule} selected): one create of a
 *       second opportunity for the fixture's new contact, which must be refused; when it is created instead (a 2xx
 *       with an id that reads back: one more request), it and the fixture are deleted (two more) and the run stops,
 *       since the rule cannot be tested there.
 * </ul>
 */
final class Preflight {
  private final Session session;
  private final Fixtures fixtures;
  private final Set<Part> parts;
  private final OpportunityOperations ops;

  Preflight(Session session, Fixtures fixtures, Set<Part> parts) {
    this.session = session;
    this.fixtures = fixtures;
    this.parts = parts;
    this.ops = session.operations();
  }

  /**
   * Runs the probes; returns the id of the shared fixture the generated cases and scenarios address (an id that
   * does not exist when the server would not create one).
   *
   * @throws IllegalArgumentException when an argument is wrong (one line naming the option)
   * @throws TransportException when the server cannot be reached at all
   */
  String verify() {
    RunOptions options = session.options();
    Exchange first = session.dispatcher().send(firstPage(options.token(), "preflight: first page"));
    if (!first.response().answered()) {
      throw new TransportException("cannot reach " + options.baseUrl() + ": " + first.response().noAnswer());
    }
    if (first.response().status() == 401) {
      throw new IllegalArgumentException("the server answers 401 to the token given; check --token");
    }
    if (first.response().status() == 404) {
      throw new IllegalArgumentException("the server answers 404 for pipeline " + options.pipelineId()
          + " with this token; check --pipeline-id");
    }
    if (options.otherToken() != null && parts.contains(Part.TENANT_ISOLATION)) {
      TestCase probe = firstPage(options.otherToken(), "preflight: first page with the other location's token");
      Exchange other = session.dispatcher().send(new TestCase(probe.operation(), probe.phase(), Kind.SCENARIO,
          probe.description(), null, probe.request()), Step.OTHER_TENANT, Facts.NONE);
      if (other.response().status() == 401) {
        throw new IllegalArgumentException("the server answers 401 to --other-token; give a token of another "
            + "location that the server accepts");
      }
    }
    ObjectNode body = session.values().validBody(ops.create());
    body.put("stageId", options.stageIds().get(0));
    Exchange created = fixtures.create(session, Phase.EXAMPLES, body);
    refuseUnknownStage(created, options.stageIds().get(0));
    String id = created.answeredId();
    if (id == null) {
      session.recorder().notSent(Part.GENERATED, "the shared fixture was not created (the create "
          + created.createdBriefly() + "): the cases that address an opportunity use an id that does not exist");
      return "unknown" + session.identities().marker();
    }
    for (String stage : options.stageIds().subList(1, options.stageIds().size())) {
      ObjectNode move = Json.object();
      move.set("status", body.get("status"));
      move.put("stageId", stage);
      refuseUnknownStage(session.dispatcher().send(session.requests().positive(ops.status(), Phase.EXAMPLES,
          "preflight: a stage of the pipeline", id, List.of(), move)), stage);
    }
    if (parts.contains(Part.DUPLICATES)) {
      refuseDuplicatesAllowed(body);
    }
    return id;
  }

  private TestCase firstPage(String token, String description) {
    return new TestCase(ops.list(), Phase.EXAMPLES, Kind.POSITIVE, description, null, session.requests().build(
        ops.list(), session.requests().pathParams(ops.list(), null), List.of(Map.entry("limit", "1")), null, token));
  }

  /** Stops when a create or status change naming {@code stage} was answered 422 for {@code stageId}. */
  private void refuseUnknownStage(Exchange e, String stage) {
    JsonNode answer = e.response().status() == 422 ? Json.parse(e.response().body()) : null;
    if (answer != null && answer.has("stageId")) {
      stop("--stage-id " + stage + " is not a stage of pipeline " + session.options().pipelineId()
          + " (the server answers 422 for stageId); check --stage-id");
    }
  }

  /**
   * Stops when a second opportunity for the fixture's contact is created and reads back: the pipeline allows
   * duplicates (or the server does not enforce the rule, which the API alone cannot tell apart).
   */
  private void refuseDuplicatesAllowed(ObjectNode fixtureBody) {
    ObjectNode second = fixtureBody.deepCopy();
    second.put("title", "preflight: a second opportunity for the same contact");
    Exchange duplicate = session.dispatcher().send(new TestCase(ops.create(), Phase.EXAMPLES, Kind.SCENARIO,
        "preflight: a duplicate", null, session.requests().build(ops.create(),
            session.requests().pathParams(ops.create(), null), List.of(), Json.write(second),
            session.options().token())), Step.DUPLICATE, Facts.NONE);
    String id = duplicate.answeredId();
    if (id == null) {
      return; // refused, or a 2xx that created nothing: duplicate_opportunity_rule judges that answer
    }
    // A 2xx alone is not proof: only an opportunity that reads back was created.
    Exchange read = session.dispatcher().send(session.requests().positive(ops.get(), Phase.EXAMPLES,
        "preflight: read the duplicate back", id, List.of(), null));
    if (read.response().status() == 200) {
      stop("pipeline " + session.options().pipelineId() + " allows duplicate opportunities, or the server does not "
          + "enforce the rule there (a second opportunity for one contact was created and reads back), so the "
          + "duplicate rule cannot be tested there; give --pipeline-id a pipeline that does not allow them, or leave "
          + "the rule out with --exclude-checks duplicate_opportunity_rule");
    }
  }

  /** Deletes what the probes made, then stops the run with one line. */
  private void stop(String why) {
    fixtures.cleanUp(session);
    throw new IllegalArgumentException(why);
  }
}
