package com.onautomate.opportunities.client;

import static com.onautomate.opportunities.client.Fixtures.OPPORTUNITY;
import static com.onautomate.opportunities.client.Fixtures.PIPELINE;
import static com.onautomate.opportunities.client.Fixtures.TOKEN;
import static com.onautomate.opportunities.client.Fixtures.json;
import static com.onautomate.opportunities.client.Fixtures.opportunityJson;
import static com.onautomate.opportunities.client.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onautomate.opportunities.client.model.OpportunityStatus;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The builder: defaults, fast failures with plain messages, a shared OkHttpClient, timeouts. */
class BuilderTest {
  private MockWebServer server;

  @BeforeEach
  void start() {
    server = Fixtures.startServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void theTokenIsRequired() {
    assertThatThrownBy(() -> OpportunitiesClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Token required: call token(...) with the location's API key.");
    assertThatThrownBy(() -> OpportunitiesClient.builder().token(null))
        .isInstanceOf(NullPointerException.class).hasMessage("token == null");
    assertThatThrownBy(() -> OpportunitiesClient.builder().token("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Token is blank.");
  }

  @Test
  void theBaseUrlMustBeHttp() {
    assertThatThrownBy(() -> OpportunitiesClient.builder().baseUrl("ftp://link.amtssl.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Base URL must be an http or https URL: ftp://link.amtssl.com");
    assertThatThrownBy(() -> OpportunitiesClient.builder().baseUrl("link.amtssl.com"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDefaultBaseUrlIsTheContractsProductionServer() {
    String first = Fixtures.contract().get("servers").get(0).get("url").asText();
    assertThat(OpportunitiesClient.PRODUCTION_URL).isEqualTo(first);
    assertThat(OpportunitiesClient.builder().token(TOKEN).toString()).contains("baseUrl=" + first + "/");
  }

  @Test
  void theDefaultUserAgentNamesTheClientAndItsVersion() {
    server.enqueue(json(200, opportunityJson(OPPORTUNITY)));
    try (OpportunitiesClient client = OpportunitiesClient.builder().baseUrl(server.url("/").uri()).token(TOKEN).build()) {
      client.getOpportunity(PIPELINE, OPPORTUNITY);
    }
    assertThat(take(server).getHeader("User-Agent")).matches("onautomate-opportunities-java/\\d+\\.\\d+\\.\\d+\\S* Java/\\S+");
  }

  @Test
  void aSharedOkHttpClientIsUsedAndLeftRunning() {
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient shared = new OkHttpClient.Builder().addInterceptor(chain -> {
      seen.incrementAndGet();
      return chain.proceed(chain.request());
    }).build();
    server.enqueue(json(200, opportunityJson(OPPORTUNITY)));

    try (OpportunitiesClient client = Fixtures.clientOf(server).httpClient(shared).build()) {
      client.getOpportunity(PIPELINE, OPPORTUNITY);
    }

    assertThat(seen).hasValue(1);
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(shared.interceptors()).as("the shared client is not changed").hasSize(1);
    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void theReadTimeoutApplies() {
    server.enqueue(new okhttp3.mockwebserver.MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.NO_RESPONSE));

    try (OpportunitiesClient client = Fixtures.clientOf(server).readTimeout(Duration.ofMillis(100)).build()) {
      assertThatThrownBy(() -> client.getOpportunity(PIPELINE, OPPORTUNITY))
          .isInstanceOf(OpportunitiesIoException.class)
          .hasCauseInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void aClosedClientSaysSo() {
    OpportunitiesClient client = Fixtures.clientOf(server).build();
    client.close();
    client.close();

    assertThatThrownBy(() -> client.getOpportunity(PIPELINE, OPPORTUNITY))
        .isInstanceOf(IllegalStateException.class).hasMessage("Client closed.");
    assertThatThrownBy(() -> client.deleteOpportunityAsync(PIPELINE, OPPORTUNITY))
        .isInstanceOf(IllegalStateException.class).hasMessage("Client closed.");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void timeoutsMustNotBeNegative() {
    assertThatThrownBy(() -> OpportunitiesClient.builder().connectTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
  }

  @Test
  void theRequestBuilderNeedsTitleStatusAndStage() {
    assertThatThrownBy(() -> OpportunityRequests.builder().status(OpportunityStatus.OPEN).stageId("s").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("title required.");
    assertThatThrownBy(() -> OpportunityRequests.builder().title("t").stageId("s").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("status required.");
    assertThatThrownBy(() -> OpportunityRequests.builder().title("t").status(OpportunityStatus.OPEN).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("stageId required.");
  }

  @Test
  void theFilterChecksPageAndLimit() {
    assertThatThrownBy(() -> OpportunityFilter.builder().page(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OpportunityFilter.builder().limit(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OpportunityFilter.builder().limit(0)).isInstanceOf(IllegalArgumentException.class);
    OpportunityFilter filter = OpportunityFilter.builder().limit(100).tags("a").build();
    assertThat(filter.toBuilder().build()).isEqualTo(filter);
    assertThat(filter.withPage(3).page()).isEqualTo(3);
    assertThat(filter.page()).as("immutable").isNull();
  }
}
