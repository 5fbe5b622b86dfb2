package com.onautomate.opportunities.mockserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The training start of {@link FastStart}: once the server is up, sends it every operation and the
 * common rejections, so that the class-data archive written at exit also holds the classes of the
 * request path and the first request of a fast start does not load them. Statuses are not checked
 * here (the tests do that); a request that cannot be sent fails the build.
 */
final class FastStartTraining {

  static final String ENABLED = "onautomate.mock.fast-start-training";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String opportunities;

  private FastStartTraining(int port) {
    this.opportunities = "http://127.0.0.1:" + port + "/v1/pipelines/" + DemoData.DUPLICATES_PIPELINE_ID
        + "/opportunities";
  }

  static boolean enabled() {
    return Boolean.getBoolean(ENABLED);
  }

  /** Sends the training requests, then stops the server and this JVM. */
  static void runAndExit(ConfigurableApplicationContext context) throws IOException, InterruptedException {
    int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    new FastStartTraining(port).requests();
    System.exit(SpringApplication.exit(context));
  }

  private void requests() throws IOException, InterruptedException {
    String body = "{\"title\":\"Training\",\"status\":\"open\",\"stageId\":\"" + DemoData.DUPLICATES_STAGE_1_ID
        + "\",\"email\":\"training@example.com\",\"name\":\"Training\",\"companyName\":\"Example\","
        + "\"tags\":[\"one\",\"two\"],\"monetaryValue\":12.5}";
    Matcher created = ID.matcher(send("POST", opportunities, body, true));
    String one = opportunities + "/" + (created.find() ? created.group(1) : "unknown");
    send("GET", one, null, true);
    send("GET", one, null, true);                                    // the kept answer
    send("GET", opportunities + "?page=1&limit=5&status=open&title=train&email=training%40example.com", null, true);
    send("PUT", one, body.replace("Training", "Trained"), true);
    send("PUT", one + "/status", "{\"status\":\"won\"}", true);
    send("DELETE", one, null, true);
    send("GET", one, null, true);                                    // 404
    send("GET", opportunities, null, false);                         // 401
    send("POST", opportunities, "{\"title\":", true);                // 400
    send("POST", opportunities, "{\"title\":7,\"status\":\"x\"}", true); // 422
  }

  private String send(String method, String url, String json, boolean authorized)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorized) {
      request.header("Authorization", "Bearer " + DemoData.TOKEN);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
