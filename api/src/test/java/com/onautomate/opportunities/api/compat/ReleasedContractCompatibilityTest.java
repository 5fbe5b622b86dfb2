package com.onautomate.opportunities.api.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The breaking-change gate on the working contract: it is compared with the released one
 * ({@code src/baseline/openapi-<contract.baseline.version>.yaml}), and the build fails on an
 * incompatible change unless the major version rises. The changes found are printed and written to
 * {@code target/contract-changes.md}.
 */
class ReleasedContractCompatibilityTest {

  static final Path RELEASED = Path.of("src", "baseline",
      "openapi-" + System.getProperty("contract.baseline.version", "unset") + ".yaml");
  static final Path WORKING = Path.of("src", "main", "resources", "openapi.yaml");

  @Test
  void theWorkingContractIsCompatibleWithTheReleasedOneOrRaisesItsMajorVersion() throws IOException {
    assertThat(RELEASED).as("the released contract (contract.baseline.version in api/pom.xml)").isRegularFile();
    BreakingChangeGate.Verdict verdict = BreakingChangeGate.judge(Files.readString(RELEASED), Files.readString(WORKING));
    String report = verdict.summary() + "\n\n" + verdict.changes();
    Files.writeString(Path.of("target", "contract-changes.md"), report);
    System.out.println("Breaking-change gate (against " + RELEASED + "): " + report);
    assertThat(verdict.passes()).as(report).isTrue();
  }
}
