package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.api.browser.HeadlessChromium;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A web app on another origin (a page served from another port of 127.0.0.1) calls the mock server
 * with {@code fetch} in a real Chromium: the browser's own preflight and CORS checks decide what the
 * app may send and read. A server that does not allow the app's origin is refused by the browser.
 */
class CorsInBrowserTest extends ServerTest {

  /** Runs {@code fetch(url, init)} in the app's page and returns what the app can see of the answer. */
  private static final String FETCH = """
      const done = arguments[arguments.length - 1];
      fetch(arguments[0], JSON.parse(arguments[1]))
        .then(async r => done({status: r.status, retryAfter: r.headers.get('Retry-After'),
                               applied: r.headers.get('Preference-Applied'), body: await r.text()}))
        .catch(e => done({error: String(e)}));
      """;

  private HttpServer app;

  @BeforeAll
  void startApp() throws Exception {
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext("/", exchange -> {
      byte[] page = "<!DOCTYPE html><title>app</title><p>an app on another origin</p>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    app.start();
  }

  @AfterAll
  void stopApp() {
    app.stop(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fetch(HeadlessChromium chromium, String url, String init) {
    return (Map<String, Object>) ((JavascriptExecutor) chromium.driver()).executeAsyncScript(FETCH, url, init);
  }

  @Test
  void anAppOnAnotherOriginReadsWritesAndSeesRetryAfter() {
    String auth = "\"Authorization\": \"Bearer " + DemoData.TOKEN + "\"";
    String list = server.baseUrl() + opportunities(SALES);
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      chromium.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(20));
      chromium.driver().get("http://127.0.0.1:" + app.getAddress().getPort() + "/");

      Map<String, Object> read = fetch(chromium, list, "{\"headers\": {" + auth + "}}");
      assertThat(read).containsEntry("status", 200L);
      assertThat((String) read.get("body")).contains(DemoData.OPPORTUNITY_ID);

      Map<String, Object> created = fetch(chromium, list, "{\"method\": \"POST\", \"headers\": {" + auth
          + ", \"Content-Type\": \"application/json\"}, \"body\": "
          + "\"{\\\"title\\\": \\\"From a web app\\\", \\\"status\\\": \\\"open\\\", \\\"stageId\\\": \\\"" + NEW
          + "\\\", \\\"email\\\": \\\"browser@example.com\\\"}\"}");
      assertThat(created).containsEntry("status", 200L);
      assertThat((String) created.get("body")).contains("\"name\":\"From a web app\"");

      Map<String, Object> limited = fetch(chromium, list, "{\"headers\": {" + auth + ", \"Prefer\": \"code=429\"}}");
      assertThat(limited).containsEntry("status", 429L).containsEntry("retryAfter", "10")
          .containsEntry("applied", "code=429");

      Map<String, Object> unauthorized = fetch(chromium, list, "{}");
      assertThat(unauthorized).containsEntry("status", 401L);
    }
    api().queryParam("email", "browser@example.com").get(opportunities(SALES)).then().statusCode(200)
        .body("meta.total", org.hamcrest.Matchers.equalTo(1));
  }

  @Test
  void aServerThatDoesNotAllowTheOriginIsRefusedByTheBrowser() {
    try (MockServer strict = MockServer.start("--server.port=0", "--onautomate.cors.allowed-origins=https://app.example.com");
         HeadlessChromium chromium = HeadlessChromium.start()) {
      chromium.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(20));
      chromium.driver().get("http://127.0.0.1:" + app.getAddress().getPort() + "/");
      Map<String, Object> refused = fetch(chromium, strict.baseUrl() + opportunities(SALES),
          "{\"headers\": {\"Authorization\": \"Bearer " + DemoData.TOKEN + "\"}}");
      assertThat(refused).containsKey("error").doesNotContainKey("status");
    }
  }
}
