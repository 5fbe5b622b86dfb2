package com.onautomate.opportunities.conformance.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.http.Request;
import org.junit.jupiter.api.Test;

/**
 * A {@code nextPageUrl} is followed as the contract's decision (g) says: absolute on the base URL (prefix included),
 * or a path relative to the base URL; anything that would take the token elsewhere is refused with the reason.
 */
class RequestsTest {
  private static Requests under(String baseUrl) {
    return new Requests(Suite.options(baseUrl, 1L, 1));
  }

  @Test
  void anAbsoluteUrlOnTheBaseUrlIsSentBelowItsPrefixWithItsQueryAsWritten() {
    Request r = under("http://api.example.com:8080/crm/").follow(
        "http://API.example.com:8080/crm/v1/pipelines/p.1/opportunities?companyName=ging+%C3%A9&tags=a&tags=b&page=2");
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/v1/pipelines/p.1/opportunities");
    assertThat(r.pathAndQuery())
        .isEqualTo("/v1/pipelines/p.1/opportunities?companyName=ging+%C3%A9&tags=a&tags=b&page=2");
    assertThat(r.headers()).containsKey("Authorization");
    assertThat(under("https://api.example.com").follow("https://api.example.com:443/v1/pipelines/p/opportunities?page=3")
        .path()).isEqualTo("/v1/pipelines/p/opportunities");
  }

  @Test
  void aRelativeUrlIsAppendedToTheBaseUrlPrefixIncluded() {
    Request r = under("http://127.0.0.1:9/crm").follow("/v1/pipelines/p/opportunities?page=2&limit=2");
    assertThat(r.pathAndQuery()).isEqualTo("/v1/pipelines/p/opportunities?page=2&limit=2");
  }

  @Test
  void aUrlThatWouldTakeTheTokenElsewhereIsRefusedWithTheReason() {
    Requests requests = under("http://127.0.0.1:9/crm");
    assertThatThrownBy(() -> requests.follow("http://10.0.0.7:8080/crm/v1/pipelines/p/opportunities?page=2"))
        .hasMessageContaining("another server");
    assertThatThrownBy(() -> requests.follow("https://127.0.0.1:9/crm/v1/pipelines/p/opportunities?page=2"))
        .hasMessageContaining("another server");
    assertThatThrownBy(() -> requests.follow("http://127.0.0.1:9/v1/pipelines/p/opportunities?page=2"))
        .hasMessageContaining("not under the base URL's path");
    assertThatThrownBy(() -> requests.follow("v1/pipelines/p/opportunities?page=2"))
        .hasMessageContaining("starting with /");
    assertThatThrownBy(() -> requests.follow("//evil.example.com/v1/pipelines/p/opportunities"))
        .hasMessageContaining("starting with /");
    assertThatThrownBy(() -> requests.follow("http://127.0.0.1:9/crm/v1/pipelines/p/opportunities?page=2 3"))
        .hasMessageContaining("not a URL");
  }
}
