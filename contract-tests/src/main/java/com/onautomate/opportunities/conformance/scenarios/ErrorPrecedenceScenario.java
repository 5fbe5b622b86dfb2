package com.onautomate.opportunities.conformance.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.Session;
import com.onautomate.opportunities.conformance.engine.Step;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of errors ({@code error_precedence}): requests that break two or three rules at once — credentials, size,
 * media type, syntax, an unknown pipeline or opportunity, a field rule, the duplicate rule — each a
 * {@link Step#PRECEDENCE} with the statuses the contract's order allows, and an empty body of another media type.
 */
final class ErrorPrecedenceScenario extends Scenario {
  private static final String NOT_JSON = "{\"title\": ";

  /** What a case does to the request's headers. */
  private enum Header { NO_CREDENTIALS, UNKNOWN_TOKEN, TEXT_PLAIN }

  ErrorPrecedenceScenario(Session session) {
    super(session, Part.ERROR_PRECEDENCE);
  }

  /** Sends the cases; {@code fixture} is addressed by the update and status cases, and changed by none. */
  void run(String fixture) {
    String unknown = "unknown" + session.identities().marker();
    Map<String, String> unknownPipeline = Map.of("pipelineId", unknown);
    Map<String, String> unknownOpportunity = Map.of("pipelineId", session.options().pipelineId(),
        "opportunityId", unknown);
    Map<String, String> collection = session.requests().pathParams(ops.create(), null);
    Map<String, String> item = session.requests().pathParams(ops.update(), fixture);
    String valid = Json.write(body("Precedence"));
    String invalid = Json.write(body("").put("status", "not-a-status"));
    ObjectNode large = body("Precedence, too large");
    large.put("padding", "x".repeat(70_000));
    String tooLarge = Json.write(large);

    expect(ops.list(), "no credentials and an unknown pipeline", Set.of(401), unknownPipeline, List.of(), null,
        EnumSet.of(Header.NO_CREDENTIALS));
    expect(ops.get(), "an unknown token and an unknown opportunity", Set.of(401),
        Map.of("pipelineId", session.options().pipelineId(), "opportunityId", unknown), List.of(), null,
        EnumSet.of(Header.UNKNOWN_TOKEN));
    expect(ops.create(), "no credentials and a body that is not JSON", Set.of(401), collection, List.of(), NOT_JSON,
        EnumSet.of(Header.NO_CREDENTIALS));
    expect(ops.create(), "no credentials and a body sent as text/plain", Set.of(401), collection, List.of(), valid,
        EnumSet.of(Header.NO_CREDENTIALS, Header.TEXT_PLAIN));
    expect(ops.create(), "no credentials, invalid fields and an unknown pipeline", Set.of(401), unknownPipeline,
        List.of(), invalid, EnumSet.of(Header.NO_CREDENTIALS));
    expect(ops.create(), "an unknown token and a body over 65536 bytes", Set.of(401, 413), collection, List.of(),
        tooLarge, EnumSet.of(Header.UNKNOWN_TOKEN));
    expect(ops.create(), "a body over 65536 bytes sent as text/plain", Set.of(413), collection, List.of(), tooLarge,
        EnumSet.of(Header.TEXT_PLAIN));
    expect(ops.create(), "a body over 65536 bytes and an unknown pipeline", Set.of(413), unknownPipeline, List.of(),
        tooLarge, EnumSet.noneOf(Header.class));
    expect(ops.update(), "a body that is not JSON sent as text/plain", Set.of(415), item, List.of(), NOT_JSON,
        EnumSet.of(Header.TEXT_PLAIN));
    expect(ops.create(), "a body sent as text/plain and an unknown pipeline", Set.of(415), unknownPipeline,
        List.of(), valid, EnumSet.of(Header.TEXT_PLAIN));
    expect(ops.create(), "invalid fields sent as text/plain", Set.of(415), collection, List.of(), invalid,
        EnumSet.of(Header.TEXT_PLAIN));
    expect(ops.create(), "a body that is not JSON and an unknown pipeline", Set.of(400), unknownPipeline, List.of(),
        NOT_JSON, EnumSet.noneOf(Header.class));
    expect(ops.update(), "a JSON array and an unknown opportunity", Set.of(400), unknownOpportunity, List.of(), "[]",
        EnumSet.noneOf(Header.class));
    expect(ops.create(), "invalid fields and an unknown pipeline", Set.of(404, 422), unknownPipeline, List.of(),
        invalid, EnumSet.noneOf(Header.class));
    expect(ops.update(), "invalid fields and an unknown opportunity", Set.of(404, 422), unknownOpportunity,
        List.of(), invalid, EnumSet.noneOf(Header.class));
    expect(ops.status(), "an invalid status and an unknown opportunity", Set.of(404, 422), unknownOpportunity,
        List.of(), "{\"status\":\"not-a-status\",\"stageId\":\"" + session.options().stageIds().get(0) + "\"}",
        EnumSet.noneOf(Header.class));
    expect(ops.list(), "limit=101 and an unknown pipeline", Set.of(404, 422), unknownPipeline,
        List.of(Map.entry("limit", "101")), null, EnumSet.noneOf(Header.class));
    // an empty body of another media type is missing (400) or of the wrong type (415): either
    expect(ops.create(), "an empty body sent as text/plain", Set.of(400, 415), collection, List.of(), null,
        EnumSet.of(Header.TEXT_PLAIN));
    expect(ops.update(), "an empty body sent as text/plain", Set.of(400, 415), item, List.of(), null,
        EnumSet.of(Header.TEXT_PLAIN));
    expect(ops.status(), "an empty body sent as text/plain", Set.of(400, 415), item, List.of(), null,
        EnumSet.of(Header.TEXT_PLAIN));
    ObjectNode original = body("Precedence original");
    JsonNode created = create(original);
    if (created != null) {
      ObjectNode duplicate = body("").put("email", original.get("email").asText());
      expect(ops.create(), "a duplicate contact and an empty title", Set.of(422), collection, List.of(),
          Json.write(duplicate), EnumSet.noneOf(Header.class));
    }
  }

  private void expect(Operation op, String faults, Set<Integer> allowed, Map<String, String> pathParams,
                      List<Map.Entry<String, String>> query, String body, Set<Header> changes) {
    Request r = session.requests().build(op, pathParams, query, body, session.options().token());
    Map<String, String> headers = new LinkedHashMap<>(r.headers());
    if (changes.contains(Header.NO_CREDENTIALS)) {
      headers.remove("Authorization");
    }
    if (changes.contains(Header.UNKNOWN_TOKEN)) {
      headers.put("Authorization", "Bearer invalid-" + session.identities().marker());
    }
    if (changes.contains(Header.TEXT_PLAIN)) {
      headers.put("Content-Type", "text/plain");
    }
    TestCase c = new TestCase(op, Phase.SEMANTIC, Kind.NEGATIVE, faults, null, r.withHeaders(headers));
    send(c, Step.PRECEDENCE, new Facts.Precedence(faults, allowed));
  }
}
