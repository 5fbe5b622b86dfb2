package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The vendor page's six curl examples, as printed there (only the host, {@code :pipelineId},
 * {@code :opportunityId} and {@code <token>} filled in), against {@code java -jar mock-server.jar}.
 * They run with curl when it is installed, else with the JDK's client sending what curl sends
 * (curl's {@code --data-raw} sends {@code application/x-www-form-urlencoded}). Also: chosen
 * answers, faults and CORS work in the jar, whose Spring context was computed ahead of time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedExamplesIT {

  private static final String BODY = """
      {
      "title": "First Opp",
      "status": "open",
      "stageId": "7915dedc-8f18-44d5-8bc3-77c04e994a10",
      "email": "elon@musk.com",
      "phone": "+1202-555-0107",
      "assignedTo": "082goXVW3lIExEQPOnd3",
      "monetaryValue": 122.22,
      "source": "public api",
      "contactId": "mTkSCb1UBjb5tk4OvB69",
      "name": "Elon Musk",
      "companyName": "Tesla",
      "tags": [
      "ea reprehenderit",
      "ut Lorem laboris"
      ]
      }""";

  /** The seed's examples, in an order in which each one's precondition holds. */
  private static final List<Example> EXAMPLES = List.of(
      new Example("GET", "/v1/pipelines/:pipelineId/opportunities?page=1", null,
          "curl --location --request GET 'https://link.amtssl.com/v1/pipelines/:pipelineId/opportunities?page=1' \\\n"
              + "--header 'Authorization: Bearer <token>'", "\"total\":1"),
      new Example("GET", "/v1/pipelines/:pipelineId/opportunities/:opportunityId", null,
          "curl --location --request GET 'https://link.amtssl.com/v1/pipelines/:pipelineId/opportunities/:opportunityId' \\\n"
              + "--header 'Authorization: Bearer <token>'", "\"name\":\"First Opp\""),
      new Example("PUT", "/v1/pipelines/:pipelineId/opportunities/:opportunityId", BODY,
          "curl --location --request PUT 'https://link.amtssl.com/v1/pipelines/:pipelineId/opportunities/:opportunityId' \\\n"
              + "--header 'Authorization: Bearer <token>' \\\n--data-raw '" + BODY + "'", "\"monetaryValue\":122.22"),
      new Example("PUT", "/v1/pipelines/:pipelineId/opportunities/:opportunityId/status",
          "{\n\"status\": \"open\",\n\"stageId\": \"7915dedc-8f18-44d5-8bc3-77c04e994a10\"\n}",
          "curl --location --request PUT 'https://link.amtssl.com/v1/pipelines/:pipelineId/opportunities/:opportunityId/status' \\\n"
              + "--header 'Authorization: Bearer <token>' \\\n--data-raw '{\n\"status\": \"open\",\n"
              + "\"stageId\": \"7915dedc-8f18-44d5-8bc3-77c04e994a10\"\n}'", ""),
      new Example("DELETE", "/v1/pipelines/:pipelineId/opportunities/:opportunityId", null,
          "curl --location --request DELETE 'https://link.amtssl.com/v1/pipelines/:pipelineId/opportunities/:opportunityId' \\\n"
              + "--header 'Authorization: Bearer <token>'", ""),
      new Example("POST", "/v1/pipelines/:pipelineId/opportunities/", BODY,
          "curl --location --request POST 'https://link.amtssl.com/v1/pipelines/:pipelineId/opportunities/' \\\n"
              + "--header 'Authorization: Bearer <token>' \\\n--data-raw '" + BODY + "'", "\"name\":\"First Opp\""));

  private RunnableJar jar;
  private String baseUrl;

  @BeforeAll
  void startJar() throws Exception {
    jar = RunnableJar.start();
    baseUrl = jar.baseUrl;
  }

  @AfterAll
  void stopJar() throws Exception {
    if (jar != null) {
      jar.close();
    }
  }

  @Test
  void theSixExamplesSucceedWithTheSeedsIds() throws Exception {
    boolean curl = hasCurl();
    for (Example example : EXAMPLES) {
      String[] result = curl ? runCurl(example) : runJdk(example);
      assertThat(result[0]).as(example.method + " " + example.path + " answered " + result[1]).isEqualTo("200");
      assertThat(result[1]).contains(example.expected);
      if (example.expected.isEmpty()) {
        assertThat(result[1]).as("empty body").isEmpty();
      }
    }
  }

  /**
   * The jar runs the context Spring AOT computed at build time: the filters of chosen answers,
   * faults and CORS, and the valve that closes connections, must be in it as in a test's server.
   */
  @Test
  void chosenAnswersFaultsAndCorsWorkInTheJar() throws Exception {
    String item = baseUrl + "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities/" + DemoData.OPPORTUNITY_ID;
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> chosen = client.send(HttpRequest.newBuilder(URI.create(item))
        .header("Authorization", "Bearer " + DemoData.TOKEN).header("Prefer", "code=429").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chosen.statusCode()).isEqualTo(429);
    assertThat(chosen.headers().firstValue("Retry-After")).contains("10");
    HttpResponse<String> fault = client.send(HttpRequest.newBuilder(URI.create(item))
        .header("Authorization", "Bearer " + DemoData.TOKEN).header("Prefer", "fault=503").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(fault.statusCode()).isEqualTo(503);
    assertThat(RawExchange.exchange(URI.create(baseUrl), "GET", URI.create(item).getPath(),
        java.util.Map.of("Authorization", "Bearer " + DemoData.TOKEN, "Prefer", "fault=close"), null).nothing()).isTrue();
    // The list: the demo opportunity may be deleted by the other test already.
    HttpResponse<String> cors = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities"))
        .header("Authorization", "Bearer " + DemoData.TOKEN).header("Origin", "http://localhost:5173").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(cors.statusCode()).isEqualTo(200);
    assertThat(cors.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
  }

  private String fill(String text) {
    return text.replace("https://link.amtssl.com", baseUrl)
        .replace(":pipelineId", DemoData.PIPELINE_ID)
        .replace(":opportunityId", DemoData.OPPORTUNITY_ID)
        .replace("<token>", DemoData.TOKEN);
  }

  private String[] runCurl(Example example) throws Exception {
    Path output = Files.createTempFile("seed", ".out");
    String command = fill(example.curl) + " --silent --output '" + output + "' --write-out '%{http_code}'";
    Process curl = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String body = Files.readString(output);
    Files.delete(output);
    return new String[] {status, body};
  }

  private String[] runJdk(Example example) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + fill(example.path)))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + DemoData.TOKEN);
    if (example.body != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    }
    request.method(example.method, example.body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(example.body));
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new String[] {Integer.toString(response.statusCode()), response.body()};
  }

  private static boolean hasCurl() {
    try {
      return new ProcessBuilder("curl", "--version").start().waitFor() == 0;
    } catch (Exception e) {
      System.out.println("curl is not installed: sending the examples with the JDK's HTTP client");
      return false;
    }
  }

  private record Example(String method, String path, String body, String curl, String expected) {
  }
}
