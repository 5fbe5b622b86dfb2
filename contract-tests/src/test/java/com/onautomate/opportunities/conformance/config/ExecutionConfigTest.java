package com.onautomate.opportunities.conformance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.junit.jupiter.api.Test;

/** {@code workers} and the {@code [shrinking]} section of a schemathesis.toml. */
class ExecutionConfigTest {
  private static ExecutionConfig parse(String toml) throws Exception {
    return ExecutionConfig.parse(new TomlMapper().readTree(toml), "schemathesis.toml");
  }

  @Test
  void readsWorkersAndTheShrinkingSection() throws Exception {
    ExecutionConfig c = parse("workers = 2\n[shrinking]\nenabled = false\nmax-requests = 20\nmax-seconds = 1.5\n");
    assertThat(c).isEqualTo(new ExecutionConfig(2, false, 20, 1.5));
    assertThat(parse("seed = 1\n")).isEqualTo(ExecutionConfig.EMPTY);
  }

  @Test
  void valuesOfTheWrongTypeFailInOneLine() {
    assertThatThrownBy(() -> parse("workers = 2.5\n")).hasMessage("schemathesis.toml: workers must be a whole number");
    assertThatThrownBy(() -> parse("[shrinking]\nenabled = \"no\"\n"))
        .hasMessage("schemathesis.toml: shrinking.enabled must be true or false");
    assertThatThrownBy(() -> parse("[shrinking]\nmax-seconds = \"10\"\n"))
        .hasMessage("schemathesis.toml: shrinking.max-seconds must be a number");
  }
}
