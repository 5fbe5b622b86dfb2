package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's curl examples work as printed: every {@code bash} block that starts with
 * {@code curl} and is followed by an output block is run with curl, in README order, against a
 * fresh server (its address in place of {@code 127.0.0.1:8080}), and every line of the output
 * block must appear in curl's output, in that order.
 */
class ReadmeCurlTest extends ServerTest {

  record Example(String command, List<String> expected) {
  }

  static List<Example> examples(List<String> readme) {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      if (!readme.get(i).equals("```bash") || !readme.get(i + 1).startsWith("curl ")) {
        continue;
      }
      int end = i + 1;
      while (!readme.get(end).equals("```")) {
        end++;
      }
      String command = String.join("\n", readme.subList(i + 1, end));
      int output = end + 1;
      if (output < readme.size() && (readme.get(output).equals("```http") || readme.get(output).equals("```text"))) {
        int outputEnd = output + 1;
        while (!readme.get(outputEnd).equals("```")) {
          outputEnd++;
        }
        examples.add(new Example(command, readme.subList(output + 1, outputEnd).stream()
            .map(String::strip).filter(line -> !line.isEmpty()).toList()));
      }
      i = end;
    }
    return examples;
  }

  @Test
  void everyCurlExampleWithItsOutputWorksAsPrinted() throws Exception {
    requireCurl();
    List<Example> examples = examples(Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8));
    assertThat(examples).as("curl examples with output in README.md").hasSizeGreaterThanOrEqualTo(8);
    String authority = server.baseUrl().getAuthority();
    for (Example example : examples) {
      String command = example.command().replace("127.0.0.1:8080", authority);
      List<String> output = run(command);
      int at = 0;
      for (String expected : example.expected()) {
        while (at < output.size() && !output.get(at).equals(expected)) {
          at++;
        }
        assertThat(at).as("line \"%s\" of the output of:%n%s%ngot:%n%s", expected, command, String.join("\n", output))
            .isLessThan(output.size());
      }
    }
  }

  private static List<String> run(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8).lines().map(String::strip).toList();
  }

  private static void requireCurl() throws InterruptedException {
    try {
      if (new ProcessBuilder("curl", "--version").start().waitFor() == 0) {
        return;
      }
    } catch (IOException e) {
      // not installed
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("curl is not installed; CI must install it (.ci/run)");
    }
    Assumptions.abort("curl is not installed: the README's curl examples are not run");
  }
}
