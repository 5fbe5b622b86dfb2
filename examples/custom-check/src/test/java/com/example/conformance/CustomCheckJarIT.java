package com.example.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.mockserver.DemoData;
import com.onautomate.opportunities.mockserver.MockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This module's jar as a user gives it: {@code java -jar conformance.jar --checks-from example-custom-check.jar},
 * where the check is on no class path. Loaded, selected with {@code --checks}, configured in
 * {@code schemathesis.toml} and reported: passing against the bundled mock server, failing behind a leaking proxy.
 */
class CustomCheckJarIT {
  private static final String CONFORMANCE_JAR = System.getProperty("conformanceJar");
  private static final String CHECKS_JAR = System.getProperty("checksJar");

  @TempDir
  Path dir;

  private record Run(int code, String out) {
  }

  private Run conformance(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", CONFORMANCE_JAR, "--checks-from", CHECKS_JAR, "--max-examples", "0", "--seed", "1"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  @Test
  void theJarsCheckPassesOnTheBundledMockServer() throws Exception {
    Path config = Files.writeString(dir.resolve("schemathesis.toml"), """
        [checks.no_leaked_internals]
        patterns = ["db-[0-9]+\\\\.internal"]
        """);
    Path xml = dir.resolve("conformance.xml");
    Run run = conformance("--checks", "no_leaked_internals,not_a_server_error", "--config", config.toString(),
        "--junit-xml", xml.toString());

    assertThat(run.code()).as(run.out()).isZero();
    assertThat(run.out()).contains("2 checks").containsPattern("(?m)^no_leaked_internals +[0-9]+/0/0 ")
        .contains("Result: PASSED");
    assertThat(Files.readString(xml)).contains("<testsuite name=\"no_leaked_internals\"")
        .contains("<testcase classname=\"completeness\" name=\"no_leaked_internals applied\"/>");
  }

  @Test
  void theJarsCheckCatchesAServerThatLeaksAndTheConfigSaysWhat() throws Exception {
    Path config = Files.writeString(dir.resolve("schemathesis.toml"), """
        [checks.no_leaked_internals]
        patterns = ["db-[0-9]+\\\\.internal"]
        """);
    try (MockServer mock = MockServer.start("--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
         LeakingProxy proxy = new LeakingProxy(mock.baseUrl().toString())) {
      Run run = conformance("--base-url", proxy.baseUrl(), "--token", DemoData.TOKEN,
          "--pipeline-id", DemoData.PIPELINE_ID, "--stage-id", DemoData.STAGE_NEW_ID,
          "--checks", "no_leaked_internals", "--config", config.toString());

      assertThat(run.code()).as(run.out()).isEqualTo(1);
      assertThat(run.out()).contains("no_leaked_internals: Server internals in an answer")
          .contains("Received: 'db-7.internal' in a 404 answer")
          .contains("Documented: no text matching db-[0-9]+\\.internal")
          .contains("Reproduce with:\n     curl -X ").contains("Result: FAILED");
    }
  }
}
