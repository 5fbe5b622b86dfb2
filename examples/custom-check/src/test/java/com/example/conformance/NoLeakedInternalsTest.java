package com.example.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.cli.ConformanceCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check found by ServiceLoader on the class path (this module's {@code META-INF/services}), run by the CLI's
 * entry point against the bundled mock server. {@code CustomCheckJarIT} gives the built jar to {@code conformance.jar}.
 */
class NoLeakedInternalsTest {
  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {
  }

  private static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ConformanceCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void serviceLoaderFindsItOnTheClassPathAfterTheBuiltInChecks() {
    CheckRegistry registry = CheckRegistry.discover(List.of());
    assertThat(registry.names()).endsWith("no_leaked_internals");
    assertThat(registry.origin("no_leaked_internals")).isEqualTo("the class path");
  }

  @Test
  void theMockServerLeaksNothing() {
    Run run = cli("--checks", "no_leaked_internals", "--max-examples", "0", "--seed", "1");
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).containsPattern("(?m)^no_leaked_internals +[0-9]+/0/0 ").contains("Result: PASSED");
  }

  @Test
  void aPatternThatIsNotARegularExpressionStopsTheRunInOneLine() throws IOException {
    Path config = Files.writeString(dir.resolve("schemathesis.toml"), "[checks.no_leaked_internals]\npatterns = [\"db-[0-9\"]\n");
    Run run = cli("--config", config.toString(), "--base-url", "http://127.0.0.1:1", "--token", "t",
        "--pipeline-id", "p", "--stage-id", "s");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("conformance: checks.no_leaked_internals: patterns: 'db-[0-9' is not a regular "
        + "expression (Unclosed character class)" + System.lineSeparator());
  }
}
