package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * CORS over real HTTP, as a browser sends it: preflights, cross-origin requests and their error
 * answers, a plain OPTIONS (the conformance suite's) left as it was, and configured origins.
 */
class CorsTest {

  private static final String APP = "http://localhost:5173";
  private static final Map<String, String> TOKEN = Map.of("Authorization", "Bearer " + DemoData.TOKEN);

  static String item() {
    return "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities/" + DemoData.OPPORTUNITY_ID;
  }

  /** A create sent from {@code origin}, with the token, for a new contact by {@code email}. */
  static RawExchange createFrom(URI base, String origin, String email) throws IOException {
    return RawExchange.exchange(base, "POST", "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities",
        Map.of("Origin", origin, "Authorization", "Bearer " + DemoData.TOKEN),
        "{\"title\":\"from a browser\",\"status\":\"open\",\"stageId\":\"" + DemoData.STAGE_NEW_ID
            + "\",\"email\":\"" + email + "\"}");
  }

  static Map<String, String> preflight(String origin, String method, String headers) {
    return Map.of("Origin", origin, "Access-Control-Request-Method", method, "Access-Control-Request-Headers", headers);
  }

  @Nested
  class AnyOrigin extends ServerTest {

    @Test
    void aPreflightIsAnsweredWithTheMethodsAndHeadersAndNoToken() throws Exception {
      String before = storeSnapshot();
      RawExchange answer = RawExchange.exchange(server.baseUrl(), "OPTIONS", item(),
          preflight(APP, "PUT", "authorization,content-type,prefer"), null);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.headers())
          .containsEntry("access-control-allow-origin", "*")
          .containsEntry("access-control-allow-methods", "GET,HEAD,POST,PUT,DELETE")
          .containsEntry("access-control-allow-headers", "authorization, content-type, prefer")
          .containsEntry("access-control-max-age", "1800");
      assertThat(answer.body()).isEmpty();
      assertThat(storeSnapshot()).isEqualTo(before);
    }

    @Test
    void aCrossOriginRequestGetsItsAnswerWithAllowOriginAndTheExposedHeaders() throws Exception {
      RawExchange answer = RawExchange.exchange(server.baseUrl(), "GET", item(), Map.of("Origin", APP,
          "Authorization", "Bearer " + DemoData.TOKEN), null);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.headers()).containsEntry("access-control-allow-origin", "*")
          .containsEntry("access-control-expose-headers",
              "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Preference-Applied, Allow");
      assertThat(new String(answer.body())).contains(DemoData.OPPORTUNITY_ID);
    }

    @Test
    void errorAnswersCarryTheHeadersTooSoTheAppCanReadThem() throws Exception {
      RawExchange unauthorized = RawExchange.exchange(server.baseUrl(), "GET", item(), Map.of("Origin", APP), null);
      assertThat(unauthorized.status()).isEqualTo(401);
      assertThat(unauthorized.headers()).containsEntry("access-control-allow-origin", "*");
      RawExchange limited = RawExchange.exchange(server.baseUrl(), "GET", item(), Map.of("Origin", APP,
          "Authorization", "Bearer " + DemoData.TOKEN, "Prefer", "code=429"), null);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.headers()).containsEntry("access-control-allow-origin", "*").containsKey("retry-after");
      RawExchange created = createFrom(server.baseUrl(), APP, "cors@example.com");
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.headers()).containsEntry("access-control-allow-origin", "*");
    }

    @Test
    void thePlainOptionsOfTheConformanceSuiteIsAnsweredAsBefore() throws Exception {
      RawExchange answer = RawExchange.exchange(server.baseUrl(), "OPTIONS", item(), TOKEN, null);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.headers().get("allow")).contains("GET", "PUT", "DELETE");
      assertThat(answer.headers()).doesNotContainKeys("access-control-allow-origin", "vary");
      RawExchange plain = RawExchange.exchange(server.baseUrl(), "GET", item(), TOKEN, null);
      assertThat(plain.headers()).doesNotContainKeys("access-control-allow-origin", "vary");
    }

    @Test
    void theContractIsOpenButNotTheRestOfTheServer() throws Exception {
      RawExchange contract = RawExchange.exchange(server.baseUrl(), "GET", "/openapi.json", Map.of("Origin", APP), null);
      assertThat(contract.headers()).containsEntry("access-control-allow-origin", "*");
      RawExchange admin = RawExchange.exchange(server.baseUrl(), "OPTIONS", "/__admin/reset", preflight(APP, "POST", "content-type"),
          null);
      assertThat(admin.headers()).doesNotContainKey("access-control-allow-origin");
    }
  }

  @Nested
  class ConfiguredOrigins extends ServerTest {

    @Override
    protected List<String> serverArgs() {
      return List.of("--onautomate.cors.allowed-origins=https://app.example.com,http://localhost:*");
    }

    @Test
    void anAllowedOriginIsEchoedWithVary() throws Exception {
      RawExchange answer = RawExchange.exchange(server.baseUrl(), "GET", item(), Map.of("Origin", "https://app.example.com",
          "Authorization", "Bearer " + DemoData.TOKEN), null);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.headers()).containsEntry("access-control-allow-origin", "https://app.example.com");
      assertThat(answer.headers().get("vary")).contains("Origin");
      RawExchange pattern = RawExchange.exchange(server.baseUrl(), "OPTIONS", item(), preflight(APP, "DELETE", "authorization"),
          null);
      assertThat(pattern.headers()).containsEntry("access-control-allow-origin", APP);
    }

    @Test
    void anotherOriginIs403AndReachesNothing() throws Exception {
      String before = storeSnapshot();
      RawExchange refused = createFrom(server.baseUrl(), "https://evil.example.org", "evil@example.org");
      assertThat(refused.status()).isEqualTo(403);
      assertThat(new String(refused.body())).isEqualTo("{\"msg\":\"Forbidden\"}");
      assertThat(refused.headers()).doesNotContainKey("access-control-allow-origin");
      RawExchange preflight = RawExchange.exchange(server.baseUrl(), "OPTIONS", item(),
          preflight("https://evil.example.org", "GET", "authorization"), null);
      assertThat(preflight.status()).isEqualTo(403);
      assertThat(storeSnapshot()).isEqualTo(before);
    }
  }

  @Nested
  class Off extends ServerTest {

    @Override
    protected List<String> serverArgs() {
      return List.of("--onautomate.cors.enabled=false");
    }

    @Test
    void noHeadersAndAPreflightIsAPlainOptionsWithoutAToken() throws Exception {
      RawExchange answer = RawExchange.exchange(server.baseUrl(), "OPTIONS", item(), preflight(APP, "GET", "authorization"), null);
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.headers()).doesNotContainKey("access-control-allow-origin");
      RawExchange get = RawExchange.exchange(server.baseUrl(), "GET", item(), Map.of("Origin", APP,
          "Authorization", "Bearer " + DemoData.TOKEN), null);
      assertThat(get.status()).isEqualTo(200);
      assertThat(get.headers()).doesNotContainKey("access-control-allow-origin");
    }
  }
}
