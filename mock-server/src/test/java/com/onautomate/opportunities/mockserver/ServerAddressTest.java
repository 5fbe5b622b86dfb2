package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link MockServer#baseUrl()} and the "ready at" line name the same URL for an IPv6 address, and
 * a client reaches the server at it. How each spelling of an address becomes a URL (the two once
 * differed on {@code ::}) is {@code web.BaseUrlTest}'s; no wildcard is bound here, so that tests
 * listen on loopback only.
 */
class ServerAddressTest {

  @Test
  void onTheIpv6LoopbackTheUrlIsBracketedPrintedAsGivenAndAnswers() throws Exception {
    assumeTrue(ipv6LoopbackAvailable(), "no IPv6 loopback on this machine");
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    MockServer started;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      started = MockServer.start("--server.port=0", "--server.address=::1");
    } finally {
      System.setOut(stdout);
    }
    try (MockServer server = started) {
      assertThat(server.baseUrl()).hasToString("http://[::1]:" + server.port());
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("ready at " + server.baseUrl() + "\n");
      HttpResponse<Void> contract = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + "/openapi.yaml")).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(contract.statusCode()).isEqualTo(200);
    }
  }

  private static boolean ipv6LoopbackAvailable() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
