package com.onautomate.opportunities.conformance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.client.NotFoundException;
import com.onautomate.opportunities.client.OpportunitiesClient;
import com.onautomate.opportunities.client.OpportunityFilter;
import com.onautomate.opportunities.client.OpportunityRequests;
import com.onautomate.opportunities.client.model.Opportunity;
import com.onautomate.opportunities.client.model.OpportunityStatus;
import com.onautomate.opportunities.conformance.LocalServers;
import com.onautomate.opportunities.conformance.SharedMockServer;
import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.engine.ExchangeListener;
import com.onautomate.opportunities.conformance.proxy.ValidatingProxy;
import com.onautomate.opportunities.conformance.replay.SingleExchangeChecks;
import com.onautomate.opportunities.conformance.report.Failure;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.TextReport;
import com.onautomate.opportunities.mockserver.DemoData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validating proxy with real traffic: the generated client's end-to-end flow and the READMEs' curl examples pass
 * through it in front of the mock server with zero violations, and in front of a faulty server it reports each fault
 * of a representative part of the fault matrix with the check that should catch it, while the client's traffic goes
 * through.
 */
class ProxyTrafficTest {
  private static final String PIPELINE = DemoData.PIPELINE_ID;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** One fault per check that the client's flow and a few plain requests can trigger. */
  private static final List<String> FAULTS = List.of(
      "500 on a body with non-ASCII text",
      "create answers 201 instead of 200",
      "the list is sent as text/plain",
      "monetaryValue sent as a string",
      "titles over 255 characters are silently truncated",
      "titles with non-ASCII characters are refused",
      "no Authorization header answered 403",
      "405 without an Allow header",
      "OPTIONS lists PATCH, which is not documented",
      "DELETE answers the deleted opportunity",
      "monetaryValue is not stored on create",
      "404 says \"Opportunity not found\"");

  private static FaultProxy faulty;
  private static ValidatingProxy beforeFaulty;
  private static final List<String> NOTES = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    faulty = new FaultProxy(URI.create(SharedMockServer.baseUrl()));
    beforeFaulty = proxy(faulty.baseUrl(), NOTES);
  }

  @AfterAll
  static void stop() {
    beforeFaulty.close();
    faulty.close();
  }

  /** A proxy on a free port judging with every check that needs one exchange only. */
  static ValidatingProxy proxy(String upstream, List<String> notes) {
    CheckContext context = new CheckContext(Suite.CONTRACT, Suite.VALIDATOR, Map.of(), null, null, List.of());
    return ValidatingProxy.start(Suite.CONTRACT,
        SingleExchangeChecks.select(CheckRegistry.builtIn().select(List.of(), Set.of(), Set.of())).judged(), context,
        new ValidatingProxy.Settings(URI.create(upstream), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            Duration.ofSeconds(10), null), ExchangeListener.NONE, notes::add);
  }

  /**
   * What an app does through the proxy: the client's create, read, update, status change, list and delete (a title
   * with non-ASCII text), a read of the deleted one, then a request without credentials, an undocumented method,
   * OPTIONS and a title too long, sent plainly. Returns how many requests were sent.
   *
   * @param tolerant whether the client's errors are expected (a faulty server) and the flow goes on past them
   */
  static int traffic(String baseUrl, boolean tolerant) {
    List<Runnable> steps = new ArrayList<>();
    String email = "proxy-" + UUID.randomUUID() + "@example.com";
    String[] id = new String[1];
    try (OpportunitiesClient client = OpportunitiesClient.builder().baseUrl(URI.create(baseUrl)).token(DemoData.TOKEN)
        .build()) {
      steps.add(() -> {
        Opportunity created = client.createOpportunity(PIPELINE, OpportunityRequests.builder().title("Café roof")
            .status(OpportunityStatus.OPEN).stageId(DemoData.STAGE_NEW_ID).email(email).name("Ada Lovelace")
            .monetaryValue(5000).build());
        id[0] = created.getId();
      });
      steps.add(() -> client.getOpportunity(PIPELINE, id[0]));
      steps.add(() -> client.updateOpportunity(PIPELINE, id[0], OpportunityRequests.from(
          client.getOpportunity(PIPELINE, id[0])).title("Cafe roof, two floors").monetaryValue(7500.5).build()));
      steps.add(() -> client.updateOpportunityStatus(PIPELINE, id[0], OpportunityStatus.WON,
          DemoData.STAGE_CONTACTED_ID));
      steps.add(() -> client.listOpportunities(PIPELINE, OpportunityFilter.builder().email(email).build()));
      steps.add(() -> client.listAllOpportunities(PIPELINE, OpportunityFilter.builder().limit(50).build())
          .forEach(o -> { }));
      steps.add(() -> client.deleteOpportunity(PIPELINE, id[0]));
      steps.add(() -> {
        try {
          client.getOpportunity(PIPELINE, id[0]);
          throw new AssertionError("the deleted opportunity was found");
        } catch (NotFoundException expected) {
          // the contract's 404
        }
      });
      steps.add(() -> send(baseUrl, "GET", "/v1/pipelines/" + PIPELINE + "/opportunities", null, Map.of()));
      steps.add(() -> send(baseUrl, "PATCH", "/v1/pipelines/" + PIPELINE + "/opportunities", "{}", auth()));
      steps.add(() -> send(baseUrl, "OPTIONS", "/v1/pipelines/" + PIPELINE + "/opportunities", null, auth()));
      steps.add(() -> send(baseUrl, "POST", "/v1/pipelines/" + PIPELINE + "/opportunities",
          "{\"title\":\"" + "x".repeat(256) + "\",\"status\":\"open\",\"stageId\":\"" + DemoData.STAGE_NEW_ID
              + "\",\"email\":\"long-" + email + "\"}", auth()));
      for (Runnable step : steps) {
        try {
          step.run();
        } catch (RuntimeException | AssertionError e) {
          if (!tolerant) {
            throw e;
          }
        }
      }
    }
    return steps.size() + 1; // the update reads the opportunity first
  }

  private static Map<String, String> auth() {
    return Map.of("Authorization", "Bearer " + DemoData.TOKEN, "Content-Type", "application/json");
  }

  static HttpResponse<String> send(String baseUrl, String method, String path, String body,
                                   Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(b::header);
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theClientsFlowThroughTheProxyHasNoViolation() {
    List<String> notes = new CopyOnWriteArrayList<>();
    try (ValidatingProxy proxy = proxy(SharedMockServer.baseUrl(), notes)) {
      int sent = traffic(proxy.baseUrl(), false);
      HttpResponse<String> outside = send(proxy.baseUrl(), "GET", "/openapi.yaml", null, Map.of());
      RunResult result = proxy.result();
      assertThat(result.failures()).as(TextReport.render(result)).isEmpty();
      assertThat(result.totalRequests()).isGreaterThanOrEqualTo(sent); // all pages of the list: as many as there are
      assertThat(outside.statusCode()).isEqualTo(200);
      assertThat(outside.body()).startsWith("openapi: 3.0.3");
      assertThat(proxy.outsideContract()).containsExactly(Map.entry("GET /openapi.yaml", 1));
      assertThat(notes).containsExactly("outside the contract (forwarded, not judged): GET /openapi.yaml");
      for (String check : List.of("status_code_conformance", "response_schema_conformance", "positive_data_acceptance",
          "negative_data_rejection", "missing_required_header", "unsupported_method", "allow_header_conformance",
          "created_opportunity_reads_back", "update_persists", "delete_removes", "error_body_shape")) {
        assertThat(result.coverage()).filteredOn(c -> c.check().equals(check)).singleElement()
            .satisfies(c -> assertThat(c.judged()).as(check + " judged something").isPositive());
      }
    }
  }

  @Test
  void concurrentClientsAreAllServedAndJudged() throws Exception {
    try (ValidatingProxy proxy = proxy(SharedMockServer.baseUrl(), new CopyOnWriteArrayList<>())) {
      ExecutorService clients = Executors.newFixedThreadPool(8);
      try {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          int page = 1 + i % 3;
          answers.add(clients.submit(() -> send(proxy.baseUrl(), "GET", "/v1/pipelines/" + PIPELINE
              + "/opportunities?limit=5&page=" + page, null, auth()).statusCode()));
        }
        for (Future<Integer> answer : answers) {
          assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
      } finally {
        clients.shutdownNow();
      }
      RunResult result = proxy.result();
      assertThat(result.totalRequests()).isEqualTo(40);
      assertThat(result.failures()).as(TextReport.render(result)).isEmpty();
    }
  }

  static Stream<Faults.Injected> faults() {
    return Faults.all().stream().filter(f -> FAULTS.contains(f.name()));
  }

  @Test
  void theSubsetCoversAFaultOfEveryCheckListed() {
    assertThat(faults().map(Faults.Injected::name)).containsExactlyInAnyOrderElementsOf(FAULTS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aFaultOfTheUpstreamIsReportedByItsCheck(Faults.Injected fault) {
    Map<String, Integer> before = occurrences(beforeFaulty.result());
    faulty.inject(fault.fault());
    try {
      traffic(beforeFaulty.baseUrl(), true);
    } finally {
      faulty.inject(Fault.NONE);
    }
    RunResult result = beforeFaulty.result();
    Map<String, Integer> after = occurrences(result);
    List<String> caught = after.keySet().stream().filter(c -> after.get(c) > before.getOrDefault(c, 0)).toList();
    assertThat(caught).as(TextReport.render(result)).contains(fault.check());
  }

  private static Map<String, Integer> occurrences(RunResult result) {
    Map<String, Integer> out = new TreeMap<>();
    for (Failure f : result.failures()) {
      out.merge(f.check(), f.occurrences(), Integer::sum);
    }
    return out;
  }

  @Test
  void anUnreachableUpstreamGivesTheClientA502WithAJsonBodyAndANote() throws IOException {
    int port = LocalServers.closedPort();
    List<String> notes = new CopyOnWriteArrayList<>();
    try (ValidatingProxy proxy = proxy("http://127.0.0.1:" + port, notes)) {
      HttpResponse<String> r = send(proxy.baseUrl(), "GET", "/v1/pipelines/" + PIPELINE + "/opportunities", null,
          auth());
      assertThat(r.statusCode()).isEqualTo(502);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(r.body()).startsWith("{\"msg\":\"Bad Gateway\",\"detail\":\"the upstream http://127.0.0.1:" + port
          + " cannot be reached");
      assertThat(proxy.result().failures()).isEmpty();
      assertThat(proxy.unreachable()).hasSize(1);
      assertThat(notes).singleElement().asString().contains("cannot be reached (the client got a 502)");
    }
  }

  /** The curl examples of the mock server's README and of this module's README, run through the proxy. */
  @Test
  void theReadmesCurlExamplesThroughTheProxyHaveNoViolation() throws Exception {
    requireCurl();
    List<String> examples = new ArrayList<>();
    for (String block : curlBlocks(Path.of("../mock-server/README.md"))) {
      // the mock's own tools, not the API: injected faults and delays, undocumented codes, the admin endpoints
      if (!block.contains("Prefer: fault=") && !block.contains("Prefer: delay=") && !block.contains("code=418")
          && !block.contains("/__admin/")) {
        examples.add(block.replace("127.0.0.1:8080", "PROXY"));
      }
    }
    curlBlocks(Path.of("README.md")).stream().filter(b -> b.contains("127.0.0.1:4010"))
        .forEach(b -> examples.add(b.replace("127.0.0.1:4010", "PROXY")));
    assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
    try (ValidatingProxy proxy = proxy(SharedMockServer.baseUrl(), new CopyOnWriteArrayList<>())) {
      String authority = URI.create(proxy.baseUrl()).getAuthority();
      for (String example : examples) {
        curl(example.replace("PROXY", authority));
      }
      RunResult result = proxy.result();
      assertThat(result.failures()).as(TextReport.render(result)).isEmpty();
      assertThat(result.totalRequests()).isGreaterThanOrEqualTo(examples.size());
    }
  }

  /** The mock's injected faults, asked for with curl, are reported: a closed connection, an undocumented status. */
  @Test
  void theMockServersInjectedFaultsThroughTheProxyAreReported() throws Exception {
    requireCurl();
    try (ValidatingProxy proxy = proxy(SharedMockServer.baseUrl(), new CopyOnWriteArrayList<>())) {
      String url = proxy.baseUrl() + "/v1/pipelines/" + PIPELINE + "/opportunities";
      curl("curl -s " + url + " -H 'Authorization: Bearer demo-token' -H 'Prefer: fault=close'");
      curl("curl -s " + url + " -H 'Authorization: Bearer demo-token' -H 'Prefer: code=418'");
      RunResult result = proxy.result();
      assertThat(result.failures()).extracting(Failure::check)
          .contains("not_a_server_error", "status_code_conformance");
    }
  }

  static List<String> curlBlocks(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).equals("```bash") && lines.get(i + 1).startsWith("curl ")) {
        int end = i + 1;
        while (!lines.get(end).equals("```")) {
          end++;
        }
        blocks.add(String.join("\n", lines.subList(i + 1, end)));
        i = end;
      }
    }
    return blocks;
  }

  private static void curl(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(command).isTrue();
  }

  private static void requireCurl() throws InterruptedException {
    try {
      if (new ProcessBuilder("curl", "--version").start().waitFor() == 0) {
        return;
      }
    } catch (IOException e) {
      // not installed
    }
    assertThat(System.getenv("CI")).as("curl is not installed; CI must install it (.ci/run)").isNotEqualTo("true");
    Assumptions.abort("curl is not installed: the README's curl examples are not run through the proxy");
  }
}
