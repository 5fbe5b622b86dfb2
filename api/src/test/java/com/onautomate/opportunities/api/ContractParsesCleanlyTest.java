package com.onautomate.opportunities.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ContractParsesCleanlyTest {

  @Test
  void swaggerParserReadsTheContractWithoutASingleMessage() {
    SwaggerParseResult result = Contract.parse();

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    assertThat(result.getOpenAPI().getInfo().getVersion()).isEqualTo("1.1.1");
  }

  @Test
  void theServersAreProductionAndTheMockServer() {
    var servers = Contract.parse().getOpenAPI().getServers();

    assertThat(servers).extracting(s -> s.getUrl())
        .containsExactly("https://link.amtssl.com", "http://127.0.0.1:8080");
  }

  @Test
  void theJarCarriesTheSameContractBundledAsJson() throws Exception {
    JsonNode json;
    try (InputStream in = Contract.class.getClassLoader().getResourceAsStream("openapi.json")) {
      assertThat(in).as("openapi.json on the classpath").isNotNull();
      json = new ObjectMapper().readTree(in);
    }
    JsonNode yaml = Contract.tree();

    assertThat(json.get("openapi").asText()).isEqualTo("3.0.3");
    assertThat(fieldNames(json.get("paths"))).isEqualTo(fieldNames(yaml.get("paths")));
    // The bundler sorts `required` lists; the order of required names carries no meaning.
    assertThat(sortRequired(json.at("/components/schemas").deepCopy()))
        .isEqualTo(sortRequired(yaml.at("/components/schemas").deepCopy()));
    assertThat(json.at("/components/examples")).isEqualTo(yaml.at("/components/examples"));
  }

  private static JsonNode sortRequired(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      var required = object.get("required");
      if (required != null && required.isArray()) {
        var names = new java.util.ArrayList<String>();
        required.forEach(n -> names.add(n.asText()));
        java.util.Collections.sort(names);
        var sorted = object.putArray("required");
        names.forEach(sorted::add);
      }
      object.fields().forEachRemaining(e -> sortRequired(e.getValue()));
    }
    return node;
  }

  private static java.util.List<String> fieldNames(JsonNode node) {
    var names = new java.util.ArrayList<String>();
    node.fieldNames().forEachRemaining(names::add);
    java.util.Collections.sort(names);
    return names;
  }
}
