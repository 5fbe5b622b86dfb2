package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With the rate limit on: 100 requests per 10 s per token, then 429 with Retry-After and X-RateLimit-*. */
class RateLimitTest extends ServerTest {

  @Override
  protected List<String> serverArgs() {
    return List.of("--onautomate.rate-limit.enabled=true");
  }

  @Test
  void theHundredAndFirstRequestOfATokenIs429() {
    for (int i = 1; i <= 100; i++) {
      Response response = api().get(opportunity(SALES, DemoData.OPPORTUNITY_ID));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.header("X-RateLimit-Limit")).isEqualTo("100");
      assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(100 - i));
    }
    Response limited = api().get(opportunities(SALES));
    limited.then().statusCode(429).body("msg", equalTo("Too Many Requests"))
        .header("X-RateLimit-Remaining", equalTo("0"));
    int retryAfter = Integer.parseInt(limited.header("Retry-After"));
    assertThat(retryAfter).isBetween(1, 10);
    assertThat(Integer.parseInt(limited.header("X-RateLimit-Reset"))).isEqualTo(retryAfter);
    // Another token has its own budget.
    as(DemoData.OTHER_TOKEN).get(opportunities(DemoData.OTHER_PIPELINE_ID)).then().statusCode(200)
        .header("X-RateLimit-Remaining", equalTo("99"));
  }
}
