package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The list's {@code nextPageUrl} is built on the server's public base URL: the address it listens
 * on, or {@code onautomate.public-base-url}, or (only when turned on) what a proxy's forwarding
 * headers say. Never on the {@code Host} header a client sends.
 */
class PublicBaseUrlTest {

  private static final String LIST = "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities";

  @Test
  void byDefaultItIsTheAddressTheServerListensOn() {
    try (MockServer server = MockServer.start("--server.port=0")) {
      addSecondOpportunity(server);
      String expected = server.baseUrl() + LIST + "?page=2&limit=1";
      assertThat(nextPageUrl(server, Map.of())).isEqualTo(expected);
      assertThat(nextPageUrl(server, Map.of("Host", "evil.example"))).isEqualTo(expected);
      // Forwarding headers are not trusted unless the user says so.
      assertThat(nextPageUrl(server, Map.of("X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example")))
          .isEqualTo(expected);
    }
  }

  @Test
  void aConfiguredPublicBaseUrlIsUsedAsGiven() {
    try (MockServer server = MockServer.start("--server.port=0",
        "--onautomate.public-base-url=https://mock.example.com/onautomate/")) {
      addSecondOpportunity(server);
      String expected = "https://mock.example.com/onautomate" + LIST + "?page=2&limit=1";
      assertThat(nextPageUrl(server, Map.of("Host", "evil.example:666"))).isEqualTo(expected);
      assertThat(nextPageUrl(server, Map.of("X-Forwarded-Host", "evil.example"))).isEqualTo(expected);
    }
  }

  @Test
  void behindAProxyTheForwardingHeadersDecideWhenTurnedOn() {
    try (MockServer server = MockServer.start("--server.port=0", "--onautomate.trust-forwarded-headers=true",
        "--onautomate.public-base-url=http://internal.example:8080")) {
      addSecondOpportunity(server);
      String path = LIST + "?page=2&limit=1";
      assertThat(nextPageUrl(server, Map.of())).isEqualTo("http://internal.example:8080" + path);
      assertThat(nextPageUrl(server, Map.of("Host", "evil.example"))).isEqualTo("http://internal.example:8080" + path);
      assertThat(nextPageUrl(server, Map.of("X-Forwarded-Host", "api.example.com", "X-Forwarded-Proto", "https")))
          .isEqualTo("https://api.example.com" + path);
      assertThat(nextPageUrl(server, Map.of("X-Forwarded-Host", "api.example.com", "X-Forwarded-Port", "8443",
          "X-Forwarded-Proto", "https", "X-Forwarded-Prefix", "/crm"))).isEqualTo("https://api.example.com:8443/crm" + path);
      assertThat(nextPageUrl(server, Map.of("Forwarded", "for=10.0.0.1;proto=https;host=gw.example.com")))
          .isEqualTo("https://gw.example.com" + path);
      // Headers that make no URL are ignored, not answered with a 500.
      assertThat(nextPageUrl(server, Map.of("X-Forwarded-Port", "eighty"))).isEqualTo("http://internal.example:8080" + path);
      assertThat(nextPageUrl(server, Map.of("X-Forwarded-Host", "evil.example/x?y"))).isEqualTo("http://internal.example:8080" + path);
    }
  }

  @Test
  void aPublicBaseUrlThatIsNoUrlStopsTheStart() {
    for (String bad : new String[] {"mock.example.com", "ftp://mock.example.com", "https://mock.example.com/?a=b"}) {
      assertThatThrownBy(() -> MockServer.start("--server.port=0", "--onautomate.public-base-url=" + bad).close())
          .as(bad).hasStackTraceContaining("onautomate.public-base-url must be an absolute http or https URL");
    }
  }

  private static void addSecondOpportunity(MockServer server) {
    api(server).body(Map.of("title", "second", "status", "open", "stageId", DemoData.STAGE_NEW_ID,
        "email", "second@example.com")).post(LIST).then().statusCode(200);
  }

  private static String nextPageUrl(MockServer server, Map<String, String> headers) {
    return api(server).headers(headers).queryParam("limit", 1).get(LIST).then().statusCode(200)
        .extract().path("meta.nextPageUrl");
  }

  private static RequestSpecification api(MockServer server) {
    return PersistenceTest.api(server);
  }
}
