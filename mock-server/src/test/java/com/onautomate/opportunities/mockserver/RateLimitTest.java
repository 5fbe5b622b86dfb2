package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With the rate limit on: 100 requests per window per token, then 429 with Retry-After and X-RateLimit-*. */
class RateLimitTest extends ServerTest {

  @Override
  protected List<String> serverArgs() {
    // The vendor's 100 requests, in a window long enough that a slow machine cannot reach its end.
    return List.of("--onautomate.rate-limit.enabled=true", "--onautomate.rate-limit.window=10m");
  }

  @Test
  void theHundredAndFirstRequestOfATokenIs429() {
    for (int i = 1; i <= 100; i++) {
      // Without the contract check, which would only slow this loop down: the 429 below is checked.
      Response response = io.restassured.RestAssured.given().baseUri(server.baseUrl().toString())
          .header("Authorization", "Bearer " + DemoData.TOKEN).get(opportunity(SALES, DemoData.OPPORTUNITY_ID));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.header("X-RateLimit-Limit")).isEqualTo("100");
      assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(100 - i));
    }
    Response limited = api().get(opportunities(SALES));
    limited.then().statusCode(429).body("msg", equalTo("Too Many Requests"))
        .header("X-RateLimit-Remaining", equalTo("0"));
    int retryAfter = Integer.parseInt(limited.header("Retry-After"));
    assertThat(retryAfter).isBetween(1, 600);
    assertThat(Integer.parseInt(limited.header("X-RateLimit-Reset"))).isEqualTo(retryAfter);
    // Another token has its own budget.
    as(DemoData.OTHER_TOKEN).get(opportunities(DemoData.OTHER_PIPELINE_ID)).then().statusCode(200)
        .header("X-RateLimit-Remaining", equalTo("99"));
  }
}
