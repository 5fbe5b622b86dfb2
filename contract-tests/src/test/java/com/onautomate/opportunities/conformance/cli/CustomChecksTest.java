package com.onautomate.opportunities.conformance.cli;

import static com.onautomate.opportunities.conformance.cli.ConformanceCliTest.assertUsage;
import static com.onautomate.opportunities.conformance.cli.ConformanceCliTest.demo;
import static com.onautomate.opportunities.conformance.cli.ConformanceCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.checks.AlwaysThrows;
import com.example.checks.ForbiddenStatus;
import com.example.checks.NamedCheck;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.cli.ConformanceCliTest.Outcome;
import com.onautomate.opportunities.mockserver.DemoData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom checks given with {@code --checks-from}: loaded, selected, configured and reported like the built-in ones,
 * and every way a jar can be wrong is one line and exit 2. The jars are made here and list only a services file: the
 * check classes (package {@code com.example.checks}) come from the test class path, as a jar's would through its
 * class loader. The reactor's {@code examples/custom-check} proves the same with a jar of its own.
 */
class CustomChecksTest {
  @TempDir
  Path dir;

  /** A jar whose services file lists {@code lines}. */
  private Path jar(String name, String... lines) throws IOException {
    Path jar = dir.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/" + Check.class.getName()));
      out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  private static String[] demoWith(String... more) {
    String[] stages = {"--stage-id", DemoData.STAGE_NEW_ID, "--stage-id", DemoData.STAGE_CONTACTED_ID};
    String[] all = new String[stages.length + more.length];
    System.arraycopy(stages, 0, all, 0, stages.length);
    System.arraycopy(more, 0, all, stages.length, more.length);
    return demo(DemoData.PIPELINE_ID, all);
  }

  @Test
  void aCheckFromAJarIsSelectedConfiguredAndReported() throws IOException {
    Path checks = jar("team-checks.jar", "# the team's checks", ForbiddenStatus.class.getName());
    Path config = Files.writeString(dir.resolve("schemathesis.toml"), "[checks.forbidden_status]\nstatus = 404\n");
    Path xml = dir.resolve("junit.xml");
    Outcome o = run(demoWith("--checks-from", checks.toString(), "--checks", "forbidden_status,not_a_server_error",
        "--config", config.toString(), "--junit-xml", xml.toString()));

    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(1);
    assertThat(o.out()).contains("2 checks").contains("forbidden_status: Forbidden status")
        .contains("Received: 404").contains("Documented: any status but 404").contains("Reproduce with:")
        .containsPattern("(?m)^  forbidden_status +[1-9][0-9]*$");
    assertThat(Files.readString(xml)).contains("<testsuite name=\"forbidden_status\"")
        .contains("<failure type=\"forbidden_status\" message=\"Forbidden status\"")
        .contains("<testcase classname=\"completeness\" name=\"forbidden_status applied\"/>");
  }

  @Test
  void aCheckThatThrowsIsReportedAsItsDefectAndTheRunGoesOn() throws IOException {
    Path checks = jar("broken-check.jar", AlwaysThrows.class.getName());
    Outcome o = run(demoWith("--checks-from", checks.toString(), "--checks", "always_throws,not_a_server_error"));

    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(1);
    assertThat(o.err()).isEmpty();
    assertThat(o.out()).contains("always_throws: Check could not judge the response")
        .contains("a defect of the custom check " + AlwaysThrows.class.getName() + ", please report it: "
            + "IllegalStateException at AlwaysThrows.java:")
        .doesNotContain("not_a_server_error: ");
  }

  @Test
  void everyWayAJarCanBeWrongIsOneLineAndExitTwo() throws IOException {
    Path missing = dir.resolve("missing.jar");
    assertUsage(run(demoWith("--checks-from", missing.toString())), "--checks-from " + missing + ": no such file");
    Path text = Files.writeString(dir.resolve("notes.jar"), "not a zip");
    assertUsage(run(demoWith("--checks-from", text.toString())), ": not a readable jar");
    Path empty = dir.resolve("empty.jar");
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(empty))) {
      out.flush();
    }
    assertUsage(run(demoWith("--checks-from", empty.toString())),
        ": no checks in it (no META-INF/services/com.onautomate.opportunities.conformance.checks.Check)");
    assertUsage(run(demoWith("--checks-from", jar("comments.jar", "# nothing yet").toString())),
        ": no checks in it (META-INF/services/com.onautomate.opportunities.conformance.checks.Check lists none)");
    assertUsage(run(demoWith("--checks-from", jar("typo.jar", "com.example.checks.NoSuchCheck").toString())),
        "cannot load a check from " + dir.resolve("typo.jar") + ": Provider com.example.checks.NoSuchCheck not found");
    assertUsage(run(demoWith("--checks-from", jar("clash.jar", NamedCheck.class.getName()).toString())),
        "the check com.example.checks.NamedCheck (" + dir.resolve("clash.jar") + ") is named "
            + "'not_a_server_error', as the built-in check; give it another name");
    Path one = jar("one.jar", ForbiddenStatus.class.getName());
    Path again = jar("again.jar", ForbiddenStatus.class.getName());
    assertUsage(run(demoWith("--checks-from", one.toString(), "--checks-from", again.toString())),
        "is named 'forbidden_status', as the check com.example.checks.ForbiddenStatus (" + one + ")");
    Path config = Files.writeString(dir.resolve("bad.toml"), "[checks.forbidden_status]\nstatus = \"404\"\n");
    assertUsage(run(demoWith("--checks-from", one.toString(), "--config", config.toString())),
        "checks.forbidden_status.status must be a number, got \"404\"");
    assertUsage(run(demoWith("--checks", "forbidden_status")), "unknown check 'forbidden_status' in --checks");
  }

  @Test
  void customChecksComeAfterTheBuiltInOnesAndAreSelectedLikeThem() throws IOException {
    CheckRegistry registry = CheckRegistry.discover(List.of(jar("team.jar", ForbiddenStatus.class.getName())));
    List<String> names = registry.names();
    assertThat(names.subList(0, names.size() - 1)).isEqualTo(CheckRegistry.builtIn().names());
    assertThat(names.get(names.size() - 1)).isEqualTo("forbidden_status");
    assertThat(registry.origin("forbidden_status")).isEqualTo(dir.resolve("team.jar").toString());
    assertThat(registry.select(List.of(), Set.of(), Set.of())).extracting(Check::name).contains("forbidden_status");
    assertThat(registry.select(List.of(), Set.of("forbidden_status"), Set.of())).extracting(Check::name)
        .doesNotContain("forbidden_status");
    assertThat(CheckRegistry.discover(List.of())).extracting(CheckRegistry::names)
        .as("nothing on this module's class path lists a check").isEqualTo(CheckRegistry.builtIn().names());
    assertThatThrownBy(() -> CheckRegistry.builtIn().with(List.of(new NamedCheck("with space")), "a test"))
        .hasMessageContaining("is named 'with space'; use letters, digits, _ and - only");
  }
}
