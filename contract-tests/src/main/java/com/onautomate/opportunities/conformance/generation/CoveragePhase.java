package com.onautomate.opportunities.conformance.generation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The coverage phase (Schemathesis's {@code coverage}): every boundary and every single fault of an operation, each
 * once — values from {@link Boundaries} and {@link Negatives}, then whole-body, path, credential and method faults.
 */
final class CoveragePhase {
  private final RunOptions options;
  private final Values values;
  private final Identities ids;
  private final Requests requests;
  private final Boundaries boundaries;
  private final Negatives negatives;

  CoveragePhase(RunOptions options, Values values, Identities ids, Requests requests, Boundaries boundaries,
                Negatives negatives) {
    this.options = options;
    this.values = values;
    this.ids = ids;
    this.requests = requests;
    this.boundaries = boundaries;
    this.negatives = negatives;
  }

  /**
   * The coverage phase: for the body and each query parameter, valid boundaries and each enum value, then
   * invalid values (missing, null, empty, too short/long/small/large, wrong type, bad format); then whole-body
   * faults (not JSON, not an object, not UTF-8, missing, wrong media type, too large), path, auth faults and
   * undocumented methods.
   */
  List<TestCase> cases(Operation op, String opportunityId, List<String> undocumentedMethods) {
    List<TestCase> out = new ArrayList<>();
    if (op.bodySchema() != null) {
      body(op, opportunityId, out);
    }
    for (Parameter p : op.parameters("query")) {
      for (Mutation m : boundaries.query(p)) {
        out.add(queryCase(op, Kind.POSITIVE, m, opportunityId));
      }
      for (Mutation m : negatives.query(p)) {
        out.add(queryCase(op, Kind.NEGATIVE, m, opportunityId));
      }
    }
    for (Parameter p : op.parameters("path")) {
      path(op, p, opportunityId, out);
    }
    if (op.requiresAuth()) {
      credentials(op, opportunityId, out);
    }
    for (String method : undocumentedMethods) {
      Request r = requests.build(op, requests.pathParams(op, opportunityId), List.of(), null, options.token())
          .withMethod(method);
      Kind kind = method.equals("OPTIONS") ? Kind.OPTIONS : Kind.UNSUPPORTED_METHOD;
      out.add(new TestCase(op, Phase.COVERAGE, kind, method + " " + op.path(), null, r));
    }
    return out;
  }

  /** Each property's boundaries and faults, then faults of the whole body. */
  private void body(Operation op, String opportunityId, List<TestCase> out) {
    for (Mutation m : boundaries.body(op)) {
      ObjectNode body = values.validBody(op);
      m.apply().accept(body);
      out.add(bodyCase(op, Kind.POSITIVE, m.description(), null, opportunityId, Json.write(body), null));
    }
    for (Mutation m : negatives.body(op)) {
      ObjectNode body = values.validBody(op);
      m.apply().accept(body);
      out.add(bodyCase(op, Kind.NEGATIVE, m.description(), m.target(), opportunityId, Json.write(body), null));
    }
    if (op.bodySchema().getProperties().containsKey("email")) {
      ObjectNode body = values.validBody(op);
      body.remove(List.of("contactId", "email", "phone"));
      out.add(bodyCase(op, Kind.NEGATIVE, "no contactId, email or phone", null, opportunityId, Json.write(body),
          null));
    }
    out.add(bodyCase(op, Kind.NEGATIVE, "body: not JSON", null, opportunityId, "{\"title\": ", null));
    out.add(bodyCase(op, Kind.NEGATIVE, "body: a JSON array", null, opportunityId, "[]", null));
    out.add(bodyCase(op, Kind.NEGATIVE, "body: a JSON string", null, opportunityId, "\"opportunity\"", null));
    notUtf8(op, opportunityId, out);
    if (op.bodyRequired()) {
      out.add(bodyCase(op, Kind.NEGATIVE, "body: missing", null, opportunityId, null, null));
    }
    out.add(bodyCase(op, Kind.NEGATIVE, "body: sent as text/plain", null, opportunityId,
        Json.write(values.validBody(op)), h -> h.put("Content-Type", "text/plain")));
    ObjectNode big = values.validBody(op);
    big.put("padding", "x".repeat(70_000));
    out.add(bodyCase(op, Kind.NEGATIVE, "body: larger than 65536 bytes", null, opportunityId, Json.write(big),
        null));
  }

  /**
   * Valid bodies but for one string (in a property the contract ignores, so that only the bytes are wrong) that is
   * not UTF-8: an overlong '/', an encoded surrogate, a truncated sequence, and a lone surrogate written as a JSON
   * escape. The contract answers each with 400 (its "UTF-8 only" convention).
   */
  private void notUtf8(Operation op, String opportunityId, List<TestCase> out) {
    Map<String, String> strings = new LinkedHashMap<>();
    strings.put("an overlong '/' (C0 AF)", Request.rawBytes(0xC0, 0xAF));
    strings.put("an encoded surrogate (ED A0 80)", Request.rawBytes(0xED, 0xA0, 0x80));
    strings.put("a truncated sequence (E2 82)", Request.rawBytes(0xE2, 0x82));
    strings.put("a lone surrogate escape (\\ud800)", "\\ud800");
    strings.forEach((what, text) -> {
      ObjectNode body = values.validBody(op);
      body.put("note", "NOT-UTF-8");
      out.add(bodyCase(op, Kind.NEGATIVE, "body: not UTF-8, " + what, null, opportunityId,
          Json.write(body).replace("NOT-UTF-8", "a" + text + "b"), null));
    });
  }

  /** A path parameter one past its maxLength, and an id that does not exist. */
  private void path(Operation op, Parameter p, String opportunityId, List<TestCase> out) {
    Integer max = p.getSchema().getMaxLength();
    if (max != null) {
      Map<String, String> params = requests.pathParams(op, opportunityId);
      params.put(p.getName(), "z".repeat(max + 1));
      out.add(new TestCase(op, Phase.COVERAGE, Kind.NEGATIVE,
          p.getName() + ": " + (max + 1) + " characters (maxLength " + max + ")", p.getName(),
          requests.build(op, params, List.of(), validBodyOrNone(op), options.token())));
    }
    Map<String, String> params;
    if (p.getName().equals("opportunityId")) {
      params = Map.of("pipelineId", options.pipelineId(), "opportunityId", "unknown" + ids.marker());
    } else {
      params = requests.pathParams(op, opportunityId);
      params.put(p.getName(), "unknown" + ids.marker());
    }
    out.add(new TestCase(op, Phase.COVERAGE, Kind.POSITIVE, p.getName() + ": an id that does not exist", null,
        requests.build(op, params, List.of(), validBodyOrNone(op), options.token())));
  }

  /** No Authorization header, an unknown token, Basic instead of Bearer. */
  private void credentials(Operation op, String opportunityId, List<TestCase> out) {
    Request base = requests.build(op, requests.pathParams(op, opportunityId), List.of(), validBodyOrNone(op),
        options.token());
    Map<String, String> none = new LinkedHashMap<>(base.headers());
    none.remove("Authorization");
    out.add(new TestCase(op, Phase.COVERAGE, Kind.MISSING_AUTH, "no Authorization header", null,
        base.withHeaders(none)));
    Map<String, String> bad = new LinkedHashMap<>(base.headers());
    bad.put("Authorization", "Bearer invalid-" + ids.marker());
    out.add(new TestCase(op, Phase.COVERAGE, Kind.INVALID_AUTH, "an unknown bearer token", null,
        base.withHeaders(bad)));
    Map<String, String> malformed = new LinkedHashMap<>(base.headers());
    malformed.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        ("user:" + options.token()).getBytes(StandardCharsets.UTF_8)));
    out.add(new TestCase(op, Phase.COVERAGE, Kind.INVALID_AUTH, "a Basic instead of a Bearer credential", null,
        base.withHeaders(malformed)));
  }

  /** A valid body for operations that take one, none for the others. */
  private String validBodyOrNone(Operation op) {
    return op.bodySchema() == null ? null : Json.write(values.validBody(op));
  }

  private TestCase bodyCase(Operation op, Kind kind, String description, String target, String opportunityId,
                            String body, Consumer<Map<String, String>> headers) {
    Request r = requests.build(op, requests.pathParams(op, opportunityId), List.of(), body, options.token());
    if (headers != null) {
      Map<String, String> h = new LinkedHashMap<>(r.headers());
      headers.accept(h);
      r = r.withHeaders(h);
    }
    return new TestCase(op, Phase.COVERAGE, kind, description, target, r);
  }

  private TestCase queryCase(Operation op, Kind kind, Mutation m, String opportunityId) {
    List<Map.Entry<String, String>> query = new ArrayList<>();
    m.query().accept(query);
    return new TestCase(op, Phase.COVERAGE, kind, m.description(), kind == Kind.NEGATIVE ? m.target() : null,
        requests.build(op, requests.pathParams(op, opportunityId), query, null, options.token()));
  }
}
