package com.onautomate.opportunities.conformance.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The fuzzing phase: {@code --max-examples} random cases per operation, mostly valid, one in four invalid in one place. */
final class FuzzingPhase {
  private final RunOptions options;
  private final Values values;
  private final Identities ids;
  private final Requests requests;
  private final Negatives negatives;
  private final Random random;

  FuzzingPhase(RunOptions options, Values values, Identities ids, Requests requests, Negatives negatives) {
    this.options = options;
    this.values = values;
    this.ids = ids;
    this.requests = requests;
    this.negatives = negatives;
    this.random = values.random();
  }

  /**
   * The cases of an operation. Most address {@code fixture}, one in ten an id that does not exist; an operation that
   * consumes its target (delete) gets a fresh opportunity one time in four, an unknown id otherwise.
   */
  List<TestCase> cases(Operation op, String fixture, boolean consumesTarget) {
    List<TestCase> out = new ArrayList<>();
    for (int i = 0; i < options.maxExamples(); i++) {
      String id = !consumesTarget
          ? (random.nextInt(10) == 0 ? "unknown" + ids.marker() : fixture)
          : (random.nextInt(4) == 0 ? CaseGenerator.FRESH_OPPORTUNITY : "unknown" + ids.marker());
      out.add(random(op, id));
    }
    return out;
  }

  /** One random case of the fuzzing phase: mostly valid, one in four invalid in one place. */
  TestCase random(Operation op, String opportunityId) {
    boolean negative = random.nextInt(4) == 0;
    List<Map.Entry<String, String>> query = new ArrayList<>();
    for (Parameter p : op.parameters("query")) {
      if (random.nextInt(3) == 0) {
        query.addAll(validQuery(p));
      }
    }
    ObjectNode body = op.bodySchema() == null ? null : values.validBody(op);
    if (!negative) {
      return requests.positive(op, Phase.FUZZING, "random valid case", opportunityId, query, body);
    }
    List<Mutation> mutations = new ArrayList<>();
    if (body != null) {
      mutations.addAll(negatives.body(op));
    }
    for (Parameter p : op.parameters("query")) {
      mutations.addAll(negatives.query(p));
    }
    if (mutations.isEmpty()) {
      return requests.positive(op, Phase.FUZZING, "random valid case", opportunityId, query, body);
    }
    Mutation m = mutations.get(random.nextInt(mutations.size()));
    if (body != null) {
      m.apply().accept(body);
    }
    if (m.target() != null) {
      query.removeIf(e -> e.getKey().equals(m.target()));
    }
    m.query().accept(query);
    return new TestCase(op, Phase.FUZZING, Kind.NEGATIVE, m.description(), m.target(), requests.build(op,
        requests.pathParams(op, opportunityId), query, body == null ? null : Json.write(body), options.token()));
  }

  private List<Map.Entry<String, String>> validQuery(Parameter p) {
    String name = p.getName();
    Schema<?> s = p.getSchema();
    if (name.equals("stageId")) {
      return List.of(Map.entry(name, values.stage()));
    }
    JsonNode v = values.valid(name, s);
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (v.isArray()) {
      if (v.isEmpty()) {
        v = Values.F.arrayNode().add("t");
      }
      v.forEach(x -> out.add(Map.entry(name, x.asText())));
    } else {
      out.add(Map.entry(name, v.isNumber() ? v.decimalValue().toPlainString() : v.asText()));
    }
    return out;
  }
}
