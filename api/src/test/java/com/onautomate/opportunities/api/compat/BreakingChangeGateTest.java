package com.onautomate.opportunities.api.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gate, tried both ways with changes planted into the released contract. */
class BreakingChangeGateTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  static Stream<Arguments> breakingChanges() {
    return Stream.of(
        Arguments.of("a removed response property", (Consumer<ObjectNode>) c -> {
          ObjectNode opportunity = schema(c, "Opportunity");
          ((ObjectNode) opportunity.get("properties")).remove("source");
          removeText((ArrayNode) opportunity.get("required"), "source");
        }),
        Arguments.of("a new required query parameter", (Consumer<ObjectNode>) c ->
            ((ArrayNode) c.at("/paths/~1v1~1pipelines~1{pipelineId}~1opportunities/get/parameters")).addObject()
                .put("name", "region").put("in", "query").put("required", true)
                .putObject("schema").put("type", "string")),
        Arguments.of("an optional query parameter made required", (Consumer<ObjectNode>) c ->
            ((ObjectNode) c.at("/components/parameters/titleFilter")).put("required", true)),
        Arguments.of("a narrowed enum", (Consumer<ObjectNode>) c ->
            removeText((ArrayNode) schema(c, "OpportunityStatus").get("enum"), "abandoned")),
        Arguments.of("a removed operation", (Consumer<ObjectNode>) c ->
            ((ObjectNode) c.at("/paths/~1v1~1pipelines~1{pipelineId}~1opportunities~1{opportunityId}")).remove("delete")),
        Arguments.of("a request property made required", (Consumer<ObjectNode>) c ->
            ((ArrayNode) schema(c, "OpportunityRequest").get("required")).add("source")));
  }

  static Stream<Arguments> compatibleChanges() {
    return Stream.of(
        Arguments.of("a new optional response property", (Consumer<ObjectNode>) c ->
            ((ObjectNode) schema(c, "Opportunity").get("properties")).putObject("currency")
                .put("type", "string").put("nullable", true).put("description", "ISO 4217 code.")),
        Arguments.of("a new documented response", (Consumer<ObjectNode>) c ->
            ((ObjectNode) c.at("/paths/~1v1~1pipelines~1{pipelineId}~1opportunities/get/responses")).putObject("503")
                .put("description", "Maintenance.").putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/ErrorMessage")),
        Arguments.of("a new optional query parameter", (Consumer<ObjectNode>) c ->
            ((ArrayNode) c.at("/paths/~1v1~1pipelines~1{pipelineId}~1opportunities/get/parameters")).addObject()
                .put("name", "source").put("in", "query").put("required", false)
                .putObject("schema").put("type", "string")));
  }

  @ParameterizedTest(name = "{0} fails the gate")
  @MethodSource("breakingChanges")
  void anIncompatibleChangeFailsWithinTheSameMajorVersion(String change, Consumer<ObjectNode> plant) throws IOException {
    BreakingChangeGate.Verdict verdict = judged(plant, "1.2.0");
    assertThat(verdict.passes()).as(verdict.changes()).isFalse();
    assertThat(verdict.summary()).startsWith("Incompatible changes to the released contract 1.1.1")
        .contains("info.version 2.0.0");
    assertThat(verdict.changes()).isNotBlank();
  }

  static Stream<Arguments> passingChanges() {
    return Stream.concat(
        breakingChanges().map(a -> Arguments.of(a.get()[0] + " at 2.0.0", a.get()[1], "2.0.0",
            "Incompatible changes since 1.1.1, released as the new major version 2.0.0")),
        compatibleChanges().map(a -> Arguments.of(a.get()[0], a.get()[1], "1.1.1",
            "Compatible changes since the released contract 1.1.1")));
  }

  @ParameterizedTest(name = "{0} passes and is listed")
  @MethodSource("passingChanges")
  void aCompatibleChangeOrANewMajorVersionPassesAndIsListed(
      String change, Consumer<ObjectNode> plant, String version, String summary) throws IOException {
    BreakingChangeGate.Verdict verdict = judged(plant, version);
    assertThat(verdict.passes()).as(verdict.changes()).isTrue();
    assertThat(verdict.summary()).startsWith(summary);
    assertThat(verdict.changes()).contains("/v1/pipelines/{pipelineId}/opportunities");
  }

  @Test
  void descriptionsAloneAreNoChangeToTheApi() throws IOException {
    String reworded = planted(c -> ((ObjectNode) schema(c, "PageMeta")).put("description", "Paging state, reworded."), "1.1.1");
    BreakingChangeGate.Verdict verdict = BreakingChangeGate.judge(released(), reworded);
    assertThat(verdict.passes()).isTrue();
  }

  @Test
  void theVersionCannotGoBack() throws IOException {
    BreakingChangeGate.Verdict verdict = BreakingChangeGate.judge(released(), planted(c -> { }, "0.9.0"));
    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.summary()).isEqualTo("info.version went back from 1.1.1 to 0.9.0.");
  }

  @Test
  void aVersionThatIsNotSemanticIsRefused() {
    assertThatThrownBy(() -> BreakingChangeGate.judge(released(), planted(c -> { }, "v1")))
        .hasMessage("info.version must be MAJOR.MINOR.PATCH, not \"v1\"");
  }

  /** The gate's verdict on the released contract with a change planted, at a working version. */
  private static BreakingChangeGate.Verdict judged(Consumer<ObjectNode> plant, String version) throws IOException {
    return BreakingChangeGate.judge(released(), planted(plant, version));
  }

  /** The released contract, as if released as 1.1.1 (so that these tests do not move with the baseline). */
  private static String released() throws IOException {
    return planted(contract -> { }, "1.1.1");
  }

  private static String planted(Consumer<ObjectNode> plant, String version) throws IOException {
    ObjectNode contract = (ObjectNode) YAML.readTree(Files.readString(ReleasedContractCompatibilityTest.RELEASED));
    ((ObjectNode) contract.get("info")).put("version", version);
    plant.accept(contract);
    return YAML.writeValueAsString(contract);
  }

  private static ObjectNode schema(ObjectNode contract, String name) {
    return (ObjectNode) contract.at("/components/schemas/" + name);
  }

  private static void removeText(ArrayNode array, String text) {
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      if (item.asText().equals(text)) {
        array.remove(i);
        return;
      }
    }
    throw new IllegalArgumentException(text + " not in " + array);
  }
}
