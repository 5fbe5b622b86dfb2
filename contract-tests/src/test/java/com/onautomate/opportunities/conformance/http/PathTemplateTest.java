package com.onautomate.opportunities.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths are filled with encoded segments and read back to the values sent, whatever characters an id has. */
class PathTemplateTest {
  private static final PathTemplate ITEM = new PathTemplate("/v1/pipelines/{pipelineId}/opportunities/{opportunityId}");

  @ParameterizedTest
  @ValueSource(strings = {"bCkKGpDsyPP4peuKowkG", "a.b-c_d", "a b", "a/b", "a+b", "ü日本", "%41", "a?b#c"})
  void aFilledPathReadsBackTheValuesSent(String id) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("pipelineId", "p-" + id);
    values.put("opportunityId", id);

    String path = ITEM.fill(values);

    assertThat(path.split("/")).hasSize(6);
    assertThat(ITEM.read(path, "opportunityId")).isEqualTo(id);
    assertThat(ITEM.read(path, "pipelineId")).isEqualTo("p-" + id);
  }

  @Test
  void spacesAreSentAsPercentTwentyAndAParameterNotInTheTemplateHasNoValue() {
    String path = ITEM.fill(Map.of("pipelineId", "a b", "opportunityId", "x"));

    assertThat(path).isEqualTo("/v1/pipelines/a%20b/opportunities/x");
    assertThat(ITEM.read(path, "stageId")).isNull();
    assertThat(ITEM.read("/v1/pipelines/a", "opportunityId")).isNull();
  }
}
