package com.onautomate.opportunities.client;

import static com.onautomate.opportunities.client.Fixtures.OPPORTUNITY;
import static com.onautomate.opportunities.client.Fixtures.PIPELINE;
import static com.onautomate.opportunities.client.Fixtures.STAGE;
import static com.onautomate.opportunities.client.Fixtures.TOKEN;
import static com.onautomate.opportunities.client.Fixtures.json;
import static com.onautomate.opportunities.client.Fixtures.opportunityJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.onautomate.opportunities.client.model.OpportunityStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token is sent to the server and shown nowhere else: not in toString, exceptions or logs. */
class SecrecyTest {
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Logger julLogger = Logger.getLogger(OpportunitiesClient.class.getName());
  private final Handler capture = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      logged.add(formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level previousLevel;
  private MockWebServer server;

  @BeforeEach
  void start() {
    previousLevel = julLogger.getLevel();
    julLogger.setLevel(Level.ALL);
    julLogger.addHandler(capture);
    server = Fixtures.startServer();
  }

  @AfterEach
  void stop() throws Exception {
    julLogger.removeHandler(capture);
    julLogger.setLevel(previousLevel);
    server.shutdown();
  }

  @Test
  void toStringNeverShowsTheToken() {
    OpportunitiesClient.Builder builder = Fixtures.clientOf(server);
    try (OpportunitiesClient client = builder.build()) {
      assertThat(builder.toString()).doesNotContain(TOKEN).contains("<redacted>");
      assertThat(client.toString()).doesNotContain(TOKEN).contains("<redacted>").contains(server.url("/").toString());
      assertThat(new HeadersInterceptor(TOKEN, "ua").toString()).doesNotContain(TOKEN);
    }
  }

  @Test
  void neitherLogsNorExceptionsShowTheToken() {
    server.enqueue(json(200, opportunityJson(OPPORTUNITY)));
    server.enqueue(json(401, "{\"msg\":\"Unauthorized\"}"));
    server.enqueue(json(422, "{\"stageId\":{\"message\":\"The stage id field is invalid.\",\"rule\":\"invalid\"}}"));
    server.enqueue(json(503, "{\"msg\":\"Service Unavailable\"}"));
    server.enqueue(json(503, "{\"msg\":\"Service Unavailable\"}"));
    server.enqueue(json(200, "not json"));

    List<Throwable> failures = new ArrayList<>();
    try (OpportunitiesClient client = Fixtures.clientOf(server).retryPolicy(
        RetryPolicy.builder().maxRetries(1).initialBackoff(java.time.Duration.ofMillis(1)).build()).build()) {
      client.getOpportunity(PIPELINE, OPPORTUNITY);
      failures.add(catchThrowable(() -> client.getOpportunity(PIPELINE, OPPORTUNITY)));
      failures.add(catchThrowable(() -> client.createOpportunity(PIPELINE,
          OpportunityRequests.builder().title("t").status(OpportunityStatus.OPEN).stageId(STAGE).phone("1").build())));
      failures.add(catchThrowable(() -> client.deleteOpportunity(PIPELINE, OPPORTUNITY)));
      failures.add(catchThrowable(() -> client.getOpportunity(PIPELINE, OPPORTUNITY)));
    }
    String url = server.url("/").toString();
    try (OpportunitiesClient offline = OpportunitiesClient.builder().baseUrl(url).token(TOKEN).build()) {
      closeQuietly(server);
      failures.add(catchThrowable(() -> offline.getOpportunity(PIPELINE, OPPORTUNITY)));
    }

    assertThat(failures).extracting(Throwable::getClass).containsExactly(UnauthorizedException.class,
        ValidationException.class, ServerException.class, OpportunitiesIoException.class, OpportunitiesIoException.class);
    for (Throwable failure : failures) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(TOKEN);
    }
    assertThat(logged).as("the client logs its requests").anyMatch(line -> line.contains("GET /v1/pipelines/"));
    assertThat(logged).as("and its retries").anyMatch(line -> line.contains("answered 503; retry 1 of 1"));
    assertThat(String.join("\n", logged)).doesNotContain(TOKEN);
  }

  @Test
  void aTokenThatCannotBeAHeaderIsRefusedWithoutEchoingIt() {
    String bad = "abc\ndef-" + TOKEN;
    Throwable e = catchThrowable(() -> OpportunitiesClient.builder().token(bad));
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("abc");
  }

  private static void closeQuietly(MockWebServer server) {
    try {
      server.shutdown();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
