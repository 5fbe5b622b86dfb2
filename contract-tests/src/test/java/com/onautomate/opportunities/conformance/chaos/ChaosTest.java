package com.onautomate.opportunities.conformance.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.cli.ConformanceCli;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.mockserver.DemoData;
import com.onautomate.opportunities.mockserver.MockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite against a server whose answers are mutated at random ({@link ChaosServer}): for every seed, through the
 * CLI's entry point, the run ends with a report, a JUnit XML file and exit 0, 1 or 3 — never an exception, never a
 * Java exception text in a failure, never exit 2 for what the server did.
 *
 * <p>{@value #DEFAULT_SEEDS} seeds in {@code ./mvnw verify}; {@code -Dchaos.seeds=500} for a longer soak. Each run is
 * kept short: no random cases ({@code --max-examples 0}: the examples and coverage phases, the stateful sequence and
 * every scenario still run), a request timeout of {@value #TIMEOUT_SECONDS} s, delays bounded by the chaos server, and
 * shrinking within 5 requests and 1 s per failure (still on: a mutated candidate answer must not crash it either).
 */
class ChaosTest {
  static final int DEFAULT_SEEDS = 50;
  static final double TIMEOUT_SECONDS = 0.5;
  /** About one answer in five is mutated. */
  static final double RATE = 0.2;

  private static MockServer mock;
  private static ChaosServer chaos;
  private static Path dir;
  private static long startNanos;
  private static final Map<String, Integer> applied = new TreeMap<>();
  private static final Map<Integer, Integer> exitCodes = new TreeMap<>();
  private static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    mock = MockServer.start("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    chaos = new ChaosServer(URI.create(mock.baseUrl().toString()), Duration.ofMillis((long) (TIMEOUT_SECONDS * 1000) + 150));
    dir = Files.createTempDirectory("chaos");
    startNanos = System.nanoTime();
  }

  @AfterAll
  static void stop() throws Exception {
    System.out.printf("chaos: %d seeds in %.1f s; exit codes %s; mutations %s%n", exitCodes.values().stream()
        .mapToInt(Integer::intValue).sum(), (System.nanoTime() - startNanos) / 1e9, exitCodes, applied);
    chaos.close();
    mock.close();
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, Integer.getInteger("chaos.seeds", DEFAULT_SEEDS));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theRunEndsInAReportWhateverTheServerAnswers(long seed) throws Exception {
    purge();
    chaos.reset(seed, RATE);
    Path xml = dir.resolve("seed-" + seed + ".xml");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ConformanceCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        "--base-url", chaos.baseUrl(), "--token", DemoData.TOKEN, "--other-token", DemoData.OTHER_TOKEN,
        "--pipeline-id", DemoData.PIPELINE_ID, "--stage-id", DemoData.STAGE_NEW_ID,
        "--stage-id", DemoData.STAGE_CONTACTED_ID, "--seed", Long.toString(seed), "--max-examples", "0",
        "--request-timeout", Double.toString(TIMEOUT_SECONDS), "--junit-xml", xml.toString(),
        "--shrink-max-requests", "5", "--shrink-max-seconds", "1");
    String report = out.toString(StandardCharsets.UTF_8);
    synchronized (applied) {
      chaos.applied().forEach((k, v) -> applied.merge(k, v, Integer::sum));
      exitCodes.merge(code, 1, Integer::sum);
    }

    String context = "seed " + seed + ", mutations " + chaos.applied() + "\n" + err.toString(StandardCharsets.UTF_8)
        + report;
    assertThat(code).as(context).isIn(ConformanceCli.PASSED, ConformanceCli.FAILED, ConformanceCli.INCOMPLETE);
    assertThat(err.toString(StandardCharsets.UTF_8)).as(context).isEmpty();
    assertThat(report).as(context).contains("Result: ").contains("Reproduce this run with --seed " + seed)
        .doesNotContain("Exception").doesNotContain("a defect of the suite").doesNotContain("\tat ");
    assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
        .getDocumentElement().getAttribute("tests")).as(context).isNotEmpty();
  }

  /** Deletes what earlier runs left in the pipeline (the chaos hid their ids), so that every run starts alike. */
  private static void purge() throws Exception {
    String list = mock.baseUrl() + "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities?limit=100";
    List<String> ids = new ArrayList<>();
    for (int page = 1; page <= 50; page++) {
      JsonNode body = Json.parse(get(list + "&page=" + page));
      if (body == null || body.path("opportunities").isEmpty()) {
        break;
      }
      body.path("opportunities").forEach(o -> ids.add(o.path("id").asText()));
    }
    for (String id : ids) {
      if (!id.equals(DemoData.OPPORTUNITY_ID)) {
        client.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/pipelines/" + DemoData.PIPELINE_ID
            + "/opportunities/" + id)).header("Authorization", "Bearer " + DemoData.TOKEN).DELETE().build(),
            HttpResponse.BodyHandlers.discarding());
      }
    }
  }

  private static String get(String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + DemoData.TOKEN)
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
