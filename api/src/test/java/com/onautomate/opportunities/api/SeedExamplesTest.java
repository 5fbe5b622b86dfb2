package com.onautomate.opportunities.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every JSON body on the vendor's page (kept as a test resource) appears, value for value, among
 * the contract's named examples: the contract documents what the vendor shows, not a paraphrase.
 */
class SeedExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyBodyOnTheVendorsPageIsAnExampleOfTheContract() throws IOException {
    List<JsonNode> seedBodies = seedBodies();
    List<JsonNode> examples = new ArrayList<>();
    Contract.tree().at("/components/examples").forEach(example -> examples.add(example.get("value")));

    // 25 bodies on the page: requests, curl payloads, responses and error bodies.
    assertThat(seedBodies).hasSizeGreaterThanOrEqualTo(20);
    assertThat(seedBodies).allSatisfy(body -> assertThat(examples).contains(body));
  }

  /** The top-level JSON objects of the page, in plain bodies and in curl's --data-raw. */
  private static List<JsonNode> seedBodies() throws IOException {
    String page;
    try (InputStream in = SeedExamplesTest.class.getResourceAsStream("/seed/onautomate-api-v1.1.1.txt")) {
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<JsonNode> bodies = new ArrayList<>();
    StringBuilder current = null;
    int depth = 0;
    for (String line : page.split("\n")) {
      String text = line.strip();
      if (current == null) {
        if (text.equals("{") || text.endsWith("'{")) {
          current = new StringBuilder("{\n");
          depth = 1;
        }
        continue;
      }
      depth += count(text, '{') - count(text, '}');
      if (depth == 0) {
        current.append("}");
        bodies.add(JSON.readTree(current.toString()));
        current = null;
      } else {
        current.append(text).append('\n');
      }
    }
    return bodies;
  }

  private static int count(String text, char c) {
    return (int) text.chars().filter(ch -> ch == c).count();
  }
}
