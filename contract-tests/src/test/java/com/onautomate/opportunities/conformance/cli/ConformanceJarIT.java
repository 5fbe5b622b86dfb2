package com.onautomate.opportunities.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar conformance.jar} as users run it: through its fast start (a child JVM with the
 * build's class-data archive, C1 only, the bundled mock server's AOT context) it verifies the
 * bundled mock server, and it still answers bad arguments with one line and exit code 2.
 */
class ConformanceJarIT {

  @TempDir
  Path dir;

  @Test
  void aShortRunAgainstTheBundledMockServerPassesThroughTheFastStart() throws Exception {
    Path xml = dir.resolve("report.xml");
    Path cassette = dir.resolve("run.yaml");
    Result result = run("--max-examples", "3", "--seed", "7", "--junit-xml", xml.toString(), "--cassette-path",
        cassette.toString());
    assertThat(result.status).as(result.out).isZero();
    assertThat(result.out).contains("Result: PASSED").doesNotContain("fast start unavailable");
    assertThat(Files.readString(xml)).contains("<testsuite");
    assertThat(Files.readString(cassette)).startsWith("command: \"conformance --max-examples 3").contains("http_interactions:");

    // the cassette's requests, sent again: the bundled server is gone, so the replay cannot reach it (exit 2)
    Result replay = run("replay", cassette.toString(), "--base-url", "http://127.0.0.1:1", "--token", "t");
    assertThat(replay.status).as(replay.out).isEqualTo(2);
    assertThat(replay.out.strip()).startsWith("conformance: cannot reach http://127.0.0.1:1");
  }

  @Test
  void badArgumentsGetOneLineAndExitCode2() throws Exception {
    Result result = run("--max-examples", "lots");
    assertThat(result.status).isEqualTo(2);
    assertThat(result.out.strip().lines()).hasSize(1).allMatch(line -> line.startsWith("conformance: "));
  }

  private Result run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("conformanceJar", "target/conformance.jar")));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    // The run's processes: the launcher, and the child that ran the suite (gone with it).
    assertThat(process.descendants()).isEmpty();
    return new Result(process.exitValue(), out);
  }

  private record Result(int status, String out) {
  }
}
