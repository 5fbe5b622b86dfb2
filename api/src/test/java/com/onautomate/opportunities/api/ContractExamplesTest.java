package com.onautomate.opportunities.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in the contract (media-type examples, parameter examples, schema and property
 * examples) validates against the schema it illustrates, with networknt's OpenAPI 3.0 dialect
 * (which knows {@code nullable}).
 */
class ContractExamplesTest {
  private static final JsonNode TREE = Contract.tree();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getOpenApi30());

  /** One example, where it sits in the contract, and the pointer of the schema it must match. */
  record Example(String where, String schemaPointer, JsonNode value) {
    @Override
    public String toString() {
      return where;
    }
  }

  static Stream<Arguments> examples() {
    return collect().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleMatchesItsSchema(Example example) {
    List<Error> errors = validate(example.schemaPointer(), example.value());

    assertThat(errors).as("%s against %s", example.where(), example.schemaPointer()).isEmpty();
  }

  @Test
  void everyMediaTypeAndParameterHasAnExample() {
    List<Example> examples = collect();

    // 6 operations' bodies and responses, the error responses, 15 parameters, the schemas.
    assertThat(examples).hasSizeGreaterThan(60);
    assertThat(examples).extracting(Example::where)
        .anyMatch(w -> w.contains("examples/createRequest"))
        .anyMatch(w -> w.contains("examples/updateRequest"))
        .anyMatch(w -> w.contains("examples/statusRequest"))
        .anyMatch(w -> w.contains("examples/opportunity "))
        .anyMatch(w -> w.contains("examples/requiredFieldsMissing"))
        .anyMatch(w -> w.contains("examples/invalidStatusAndStage"));
  }

  @Test
  void theValidatorRejectsWhatTheSchemasForbid() {
    // A self-test: if these passed, the examples above would prove nothing.
    JsonNode opportunity = TREE.at("/components/examples/opportunity/value");
    assertThat(validate("/components/schemas/Opportunity",
        with(opportunity, "status", "closed"))).isNotEmpty();
    assertThat(validate("/components/schemas/Opportunity",
        with(opportunity, "createdAt", "yesterday"))).isNotEmpty();
    assertThat(validate("/components/schemas/Opportunity",
        without(opportunity, "contact"))).isNotEmpty();
    assertThat(validate("/components/schemas/OpportunityRequest",
        with(TREE.at("/components/examples/createRequest/value"), "title", ""))).isNotEmpty();
    assertThat(validate("/components/schemas/OpportunityRequest",
        with(TREE.at("/components/examples/createRequest/value"), "monetaryValue", "lots")))
        .isNotEmpty();
    assertThat(validate("/components/schemas/OpportunityRequest",
        with(TREE.at("/components/examples/createRequest/value"), "email", "not-an-email")))
        .as("format: email is asserted").isNotEmpty();
    assertThat(validate("/components/schemas/ValidationErrors",
        new ObjectMapper().createObjectNode())).isNotEmpty();
    assertThat(validate("/components/schemas/Opportunity",
        with(opportunity, "assignedTo", null))).isEmpty();
  }

  private static List<Error> validate(String pointer, JsonNode value) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:" + Contract.RESOURCE + "#" + pointer));
    return schema.validate(value);
  }

  private static JsonNode with(JsonNode node, String field, String value) {
    var copy = node.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy).put(field, value);
    return copy;
  }

  private static JsonNode without(JsonNode node, String field) {
    var copy = node.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(field);
    return copy;
  }

  private static List<Example> collect() {
    List<Example> found = new ArrayList<>();
    walk(TREE, "", found);
    return found;
  }

  /** Finds media types and parameters (schema + example/examples) and schemas with an example. */
  private static void walk(JsonNode node, String pointer, List<Example> found) {
    if (!node.isObject()) {
      return;
    }
    if (node.has("schema") && (node.has("example") || node.has("examples"))) {
      String schemaPointer = pointer + "/schema";
      if (node.has("example")) {
        found.add(new Example(pointer + "/example", schemaPointer, node.get("example")));
      }
      if (node.has("examples")) {
        for (Map.Entry<String, JsonNode> e : fields(node.get("examples")).entrySet()) {
          JsonNode example = e.getValue();
          String where = pointer + "/examples/" + e.getKey();
          if (example.has("$ref")) {
            String ref = example.get("$ref").asText().substring(1);
            where = where + " -> " + ref.replace("/components/", "");
            example = TREE.at(ref);
          }
          found.add(new Example(where + " ", schemaPointer, example.get("value")));
        }
      }
    }
    if (isSchema(pointer) && node.has("example")) {
      found.add(new Example(pointer + "/example", pointer, node.get("example")));
    }
    for (Map.Entry<String, JsonNode> e : fields(node).entrySet()) {
      if (e.getKey().equals("example") || e.getKey().equals("examples")) {
        continue; // example values are data, not contract structure
      }
      walk(e.getValue(), pointer + "/" + escape(e.getKey()), found);
    }
  }

  private static boolean isSchema(String pointer) {
    return pointer.matches("/components/schemas/[^/]+")
        || pointer.matches(".*/schema(/properties/[^/]+|/items)*")
        || pointer.matches("/components/schemas/[^/]+(/properties/[^/]+|/items)+");
  }

  private static Map<String, JsonNode> fields(JsonNode node) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), e.getValue());
    }
    return map;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
