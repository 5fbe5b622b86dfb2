package com.onautomate.opportunities.conformance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.checks.CheckSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteConfigTest {
  @TempDir
  Path dir;

  private Path toml(String text) throws IOException {
    Path file = dir.resolve("schemathesis.toml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsTheApplicableParts() throws IOException {
    SuiteConfig c = SuiteConfig.load(toml("""
        base-url = "http://127.0.0.1:9999"
        seed = 42
        max-response-time = 1.5
        headers = { X-Trace = "conformance" }

        [generation]
        max-examples = 7

        [phases.coverage]
        unexpected-methods = ["PATCH"]

        [checks.status_code_conformance]
        enabled = false

        [checks.negative_data_rejection]
        expected-statuses = ["400", "422"]
        """));

    assertThat(c.baseUrl()).isEqualTo("http://127.0.0.1:9999");
    assertThat(c.seed()).isEqualTo(42L);
    assertThat(c.maxExamples()).isEqualTo(7);
    assertThat(c.maxResponseTime()).isEqualTo(1.5);
    assertThat(c.headers()).containsEntry("X-Trace", "conformance");
    assertThat(c.disabled()).containsExactly("status_code_conformance");
    assertThat(c.expectedStatuses().get("negative_data_rejection").contains(422)).isTrue();
    assertThat(c.expectedStatuses().get("negative_data_rejection").contains(404)).isFalse();
  }

  @Test
  void maxResponseTimeLimitEnablesTheCheck() throws IOException {
    SuiteConfig c = SuiteConfig.load(toml("""
        [checks.max_response_time]
        limit = 0.5
        """));
    assertThat(c.enabled()).containsExactly("max_response_time");
    assertThat(c.maxResponseTime()).isEqualTo(0.5);
  }

  @Test
  void strictSchemasIsAnOptionOfTheSchemaCheck() throws IOException {
    assertThat(SuiteConfig.load(toml("seed = 1\n")).strictSchemas()).isFalse();
    assertThat(SuiteConfig.load(toml("""
        [checks.response_schema_conformance]
        strict-schemas = true
        """)).strictSchemas()).isTrue();
    Path bad = toml("""
        [checks.response_schema_conformance]
        strict-schemas = "yes"
        """);
    assertThatThrownBy(() -> SuiteConfig.load(bad)).hasMessageContaining("strict-schemas must be true or false");
  }

  @Test
  void everyChecksTableIsKeptAsThatChecksSettingsAndUnknownNamesAreTheRegistrysToRefuse() throws IOException {
    SuiteConfig c = SuiteConfig.load(toml("""
        [checks.no_leaked_internals]
        enabled = true
        patterns = ["SQLSTATE", "Traceback"]
        max-bytes = 2048

        [checks.status_code_conformanse]
        enabled = false
        """));
    CheckSettings leaks = c.checkSettings().get("no_leaked_internals");
    assertThat(leaks.keys()).containsExactly("patterns", "max-bytes");
    assertThat(leaks.strings("patterns", List.of())).containsExactly("SQLSTATE", "Traceback");
    assertThat(leaks.number("max-bytes", 0)).isEqualTo(2048);
    assertThat(leaks.string("absent", "default")).isEqualTo("default");
    assertThatThrownBy(() -> leaks.string("patterns", null))
        .hasMessage("checks.no_leaked_internals.patterns must be a string, got [\"SQLSTATE\",\"Traceback\"]");
    assertThatThrownBy(() -> CheckRegistry.builtIn().requireKnown(c.checkSettings().keySet(), "x.toml [checks]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown check 'no_leaked_internals' in x.toml [checks]")
        .hasMessageContaining("valid checks: not_a_server_error, status_code_conformance");
  }

  @Test
  void aBadStatusOrSyntaxFailsInOneLine() throws IOException {
    Path bad = toml("""
        [checks.not_a_server_error]
        expected-statuses = ["2xx", "six hundred"]
        """);
    assertThatThrownBy(() -> SuiteConfig.load(bad)).hasMessageContaining("six hundred");
    Path broken = toml("seed = = 1");
    assertThatThrownBy(() -> SuiteConfig.load(broken)).hasMessageStartingWith("cannot read the config")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
