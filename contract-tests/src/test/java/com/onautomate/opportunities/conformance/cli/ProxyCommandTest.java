package com.onautomate.opportunities.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.LocalServers;
import com.onautomate.opportunities.conformance.SharedMockServer;
import com.onautomate.opportunities.conformance.cassette.Cassette;
import com.onautomate.opportunities.mockserver.DemoData;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conformance.jar proxy}: stops after --max-exchanges with its summary, cassette and JUnit XML; exit codes. */
class ProxyCommandTest {
  private static final Pattern LISTENING = Pattern.compile("Validating proxy on (http://\\S+),");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  /** The CLI run on its own thread, its output read while it runs. */
  private static final class Running {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final AtomicInteger code = new AtomicInteger(-1);
    final Thread thread;

    Running(String... args) {
      thread = new Thread(() -> code.set(ConformanceCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), args)));
      thread.start();
    }

    String output() {
      synchronized (out) {
        return out.toString(StandardCharsets.UTF_8);
      }
    }

    String baseUrl() throws InterruptedException {
      for (int i = 0; i < 600; i++) {
        Matcher m = LISTENING.matcher(output());
        if (m.find()) {
          return m.group(1);
        }
        assertThat(code.get()).as(output() + err.toString(StandardCharsets.UTF_8)).isEqualTo(-1);
        Thread.sleep(50);
      }
      throw new AssertionError("the proxy did not start: " + output());
    }

    int exitCode() throws InterruptedException {
      thread.join(30_000);
      assertThat(thread.isAlive()).as(output()).isFalse();
      return code.get();
    }
  }

  private static int get(String url, boolean withToken) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (withToken) {
      b.header("Authorization", "Bearer " + DemoData.TOKEN);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void itStopsAfterMaxExchangesWithItsSummaryCassetteAndJunitXml() throws Exception {
    Path cassette = dir.resolve("live.yaml");
    Path xml = dir.resolve("live.xml");
    Running proxy = new Running("proxy", "--upstream", SharedMockServer.baseUrl(), "--listen", "127.0.0.1:0",
        "--max-exchanges", "3", "--cassette-path", cassette.toString(), "--junit-xml", xml.toString());
    String base = proxy.baseUrl();
    String list = base + "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities?limit=2";
    assertThat(get(list, true)).isEqualTo(200);
    assertThat(get(list, false)).isEqualTo(401);
    assertThat(get(base + "/openapi.yaml", false)).isEqualTo(200);
    assertThat(proxy.exitCode()).as(proxy.output()).isZero();
    assertThat(proxy.output()).contains("Not judged: pages_partition (judges pages of a walk")
        .contains("note: outside the contract (forwarded, not judged): GET /openapi.yaml")
        .contains("Proxy summary: 3 requests to " + SharedMockServer.baseUrl() + ": 2 judged, 1 outside the contract")
        .contains("Cassette: " + cassette + " (2 exchanges)").contains("JUnit XML report: " + xml)
        .doesNotContain("VIOLATION");
    assertThat(Cassette.read(cassette).interactions()).extracting(i -> i.kind().name())
        .containsExactly("POSITIVE", "MISSING_AUTH");
    assertThat(Files.readString(xml)).contains("<testsuites name=\"conformance\"").contains("failures=\"0\"");
  }

  @Test
  void aViolationPrintsAsItHappensAndExitsOne() throws Exception {
    HttpServer broken = LocalServers.answering(500, "{\"msg\":\"boom\"}");
    try {
      Running proxy = new Running("proxy", "--upstream", "http://127.0.0.1:" + broken.getAddress().getPort(),
          "--listen", "127.0.0.1:0", "--max-exchanges", "1");
      String base = proxy.baseUrl();
      assertThat(get(base + "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities", true)).isEqualTo(500);
      assertThat(proxy.exitCode()).as(proxy.output()).isEqualTo(1);
      assertThat(proxy.output()).contains("VIOLATION not_a_server_error on GET /v1/pipelines/{pipelineId}/opportunities:"
          + " Server error").contains("  Reproduce with: curl -X GET ").contains("-H 'Authorization: Bearer demo-token'")
          .contains(" 'http://127.0.0.1:" + broken.getAddress().getPort() + "/v1/pipelines/").contains("Result: FAILED");
    } finally {
      broken.stop(0);
    }
  }

  @Test
  void checksAndExcludeChecksChooseWhatItJudges() throws Exception {
    HttpServer broken = LocalServers.answering(500, "{\"msg\":\"boom\"}");
    String upstream = "http://127.0.0.1:" + broken.getAddress().getPort();
    String list = "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities";
    try {
      Running only = new Running("proxy", "--upstream", upstream, "--listen", "127.0.0.1:0", "--max-exchanges", "1",
          "--checks", "not_a_server_error");
      assertThat(get(only.baseUrl() + list, true)).isEqualTo(500);
      assertThat(only.exitCode()).as(only.output()).isEqualTo(1);
      assertThat(only.output()).contains("(checks: not_a_server_error)").contains("VIOLATION not_a_server_error");

      Running excluding = new Running("proxy", "--upstream", upstream, "--listen", "127.0.0.1:0", "--max-exchanges",
          "1", "--exclude-checks", "not_a_server_error");
      assertThat(get(excluding.baseUrl() + list, true)).isEqualTo(500);
      excluding.exitCode();
      assertThat(excluding.output()).contains("(checks: ").doesNotContain("not_a_server_error");
    } finally {
      broken.stop(0);
    }
  }

  @Test
  void badArgumentsAreOneLineAndExitTwo() {
    ConformanceCliTest.Outcome none = ConformanceCliTest.run("proxy");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("--upstream");
    ConformanceCliTest.Outcome ftp = ConformanceCliTest.run("proxy", "--upstream", "ftp://example.com");
    assertThat(ftp.code()).isEqualTo(2);
    assertThat(ftp.err()).isEqualTo("conformance: --upstream must be an http:// or https:// URL, got 'ftp://example.com'\n");
    ConformanceCliTest.Outcome listen = ConformanceCliTest.run("proxy", "--upstream", "http://127.0.0.1:1", "--listen",
        "127.0.0.1:99999");
    assertThat(listen.code()).isEqualTo(2);
    assertThat(listen.err()).contains("--listen must be HOST:PORT with a port from 0 to 65535");
    ConformanceCliTest.Outcome max = ConformanceCliTest.run("proxy", "--upstream", "http://127.0.0.1:1",
        "--max-exchanges", "0");
    assertThat(max.code()).isEqualTo(2);
    assertThat(max.err()).contains("--max-exchanges must be 1 or more");
  }
}
