package com.onautomate.opportunities.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** Test data and helpers shared by the MockWebServer tests. */
final class Fixtures {
  static final String TOKEN = "s3cr3t-t0ken-7f9a2c";
  static final String PIPELINE = "bCkKGpDsyPP4peuKowkG";
  static final String STAGE = "7915dedc-8f18-44d5-8bc3-77c04e994a10";
  static final String OPPORTUNITY = "123akv4LFn6C9frZoy3e";
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** A MockWebServer on 127.0.0.1 and a free port. */
  static MockWebServer startServer() {
    MockWebServer server = new MockWebServer();
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  /** A client of the server with tiny retry waits, so retry tests take milliseconds. */
  static OpportunitiesClient.Builder clientOf(MockWebServer server) {
    return OpportunitiesClient.builder()
        .baseUrl(server.url("/").toString())
        .token(TOKEN)
        .readTimeout(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.builder()
            .maxRetries(3)
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(4))
            .build());
  }

  static RecordedRequest take(MockWebServer server) {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("no request reached the server");
      }
      return request;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  static String opportunityJson(String id) {
    return """
        {"id":"%s","name":"First Opp","monetaryValue":120,"pipelineId":"bCkKGpDsyPP4peuKowkG",
         "pipelineStageId":"8b897c8f-b859-49c1-88f2-ed590708a85c","assignedTo":"hxHGVRb1YJUscrCB8eXK",
         "status":"open","source":"form","lastStatusChangeAt":"2020-10-29T09:39:35.472Z",
         "createdAt":"2020-10-29T09:31:30.255Z","updatedAt":"2020-10-29T09:44:02.263Z",
         "contact":{"id":"byMEV0NQinDhq8ZfiOi2","name":"John Deo","companyName":"Tesla Inc",
           "email":"john@deo.com","phone":"+1202-555-0107","tags":["cillum sunt in enim","ea"]}}
        """.formatted(id);
  }

  /** A list page holding opportunities with the given ids. */
  static String pageJson(List<String> ids, long total, int currentPage, Integer nextPage) {
    String items = ids.stream().map(Fixtures::opportunityJson).collect(Collectors.joining(","));
    return """
        {"opportunities":[%s],"meta":{"total":%d,"currentPage":%d,"nextPage":%s,"prevPage":%s,"nextPageUrl":%s}}
        """.formatted(items, total, currentPage, nextPage, currentPage > 1 ? currentPage - 1 : null,
        nextPage == null ? null : "\"http://elsewhere.example/next?page=" + nextPage + "\"");
  }

  static List<String> ids(String prefix, int from, int count) {
    return IntStream.range(from, from + count).mapToObj(i -> prefix + i).collect(Collectors.toCollection(ArrayList::new));
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contract, as the api artifact ships it. */
  static JsonNode contract() {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      if (in == null) {
        throw new AssertionError("openapi.yaml is not on the test classpath");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Follows a local {@code $ref} ("#/components/…"). */
  static JsonNode resolve(JsonNode contract, JsonNode node) {
    while (node.has("$ref")) {
      node = contract.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }
}
