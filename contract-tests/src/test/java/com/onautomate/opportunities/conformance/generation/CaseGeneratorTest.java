package com.onautomate.opportunities.conformance.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's promises, proved with swagger-request-validator on the contract itself. */
class CaseGeneratorTest {
  private final RunOptions options = Suite.options("http://127.0.0.1:1", 99L, 50);

  private List<TestCase> everything(CaseGenerator gen) {
    List<TestCase> all = new ArrayList<>();
    for (Operation op : Suite.CONTRACT.operations()) {
      all.addAll(gen.examples(op, "opp1"));
      all.addAll(gen.coverage(op, "opp1", List.of()));
      all.addAll(gen.fuzzing(op, "opp1", false));
    }
    return all;
  }

  @Test
  void positiveCasesAreValidForTheContract() {
    List<TestCase> positives = everything(new CaseGenerator(options, new Identities("fixed")))
        .stream().filter(c -> c.kind() == Kind.POSITIVE).toList();
    assertThat(positives).hasSizeGreaterThan(300);
    for (TestCase c : positives) {
      assertThat(Suite.VALIDATOR.requestErrors(c.request())).as(c.description() + ": " + c.request().body())
          .isEmpty();
    }
  }

  @Test
  void negativeBodyAndQueryCasesBreakTheSchema() {
    List<TestCase> negatives = everything(new CaseGenerator(options, new Identities("fixed")))
        .stream().filter(c -> c.kind() == Kind.NEGATIVE && c.target() != null).toList();
    assertThat(negatives).hasSizeGreaterThan(100);
    for (TestCase c : negatives) {
      assertThat(Suite.VALIDATOR.requestErrors(c.request())).as(c.description() + ": " + c.request().pathAndQuery()
          + " " + c.request().body()).isNotEmpty();
    }
  }

  /** Every operation with a body gets bodies that are not UTF-8, sent as those exact bytes. */
  @Test
  void coverageSendsBodiesThatAreNotUtf8() throws Exception {
    CaseGenerator gen = new CaseGenerator(options, new Identities("fixed"));
    for (Operation op : Suite.CONTRACT.operations()) {
      if (op.bodySchema() == null) {
        continue;
      }
      List<TestCase> notUtf8 = gen.coverage(op, "opp1", List.of()).stream()
          .filter(c -> c.description().startsWith("body: not UTF-8")).toList();
      assertThat(notUtf8).as(op.toString()).hasSize(4).allMatch(c -> c.kind() == Kind.NEGATIVE);
      for (TestCase c : notUtf8) {
        byte[] bytes = c.request().bodyBytes();
        boolean decodes;
        try {
          java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
          decodes = true;
        } catch (java.nio.charset.CharacterCodingException e) {
          decodes = false;
        }
        if (c.description().contains("escape")) {
          assertThat(decodes).isTrue();
          assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).contains("\\ud800");
        } else {
          assertThat(decodes).as(c.description()).isFalse();
          assertThat(c.request().toCurl("http://h")).contains("--data-binary $'").containsPattern("\\\\x[CE][0-9A-F]");
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameCases() {
    List<String> a = everything(new CaseGenerator(options, new Identities("fixed"))).stream()
        .map(c -> c.request().toCurl("http://h")).toList();
    List<String> b = everything(new CaseGenerator(options, new Identities("fixed"))).stream()
        .map(c -> c.request().toCurl("http://h")).toList();
    List<String> other = everything(new CaseGenerator(Suite.options("http://127.0.0.1:1", 100L, 50),
        new Identities("fixed"))).stream().map(c -> c.request().toCurl("http://h")).toList();
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(other);
  }

  @Test
  void arrayParameterExamplesGoOutOnePairPerItem() {
    Operation list = Suite.CONTRACT.require("listOpportunities");
    TestCase withExamples = new CaseGenerator(options, new Identities("fixed")).examples(list, null).get(0);
    assertThat(withExamples.request().query()).contains(java.util.Map.entry("tags", "ea"))
        .contains(java.util.Map.entry("monetaryValue", "120"));
    assertThat(withExamples.request().pathAndQuery()).contains("tags=ea").doesNotContain("%5B").doesNotContain("[");
    assertThat(ExamplesPhase.queryValues(List.of("ea", "b"))).containsExactly("ea", "b");
  }

  @Test
  void validBodiesIdentifyANewContactAndUseConfiguredStages() {
    CaseGenerator gen = new CaseGenerator(options, new Identities("fixed"));
    Operation create = Suite.CONTRACT.require("createOpportunity");
    for (int i = 0; i < 200; i++) {
      var body = gen.values().validBody(create);
      assertThat(body.has("contactId")).isFalse();
      assertThat(body.has("email") || body.has("phone")).isTrue();
      assertThat(options.stageIds()).contains(body.get("stageId").asText());
    }
  }
}
