package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their headers or body slowly, or stop halfway, hold no worker thread and are
 * cut off at the deadlines: with 50 stalled bodies and 200 stalled headers connected (the server
 * has 8 worker threads), other clients' reads and creates are still answered. The bounds asserted
 * are generous (seconds, where the answers take milliseconds): the figures are in bench/RESULTS.md
 * ({@code bench/run.sh slow}), this test only holds the line on a busy machine.
 */
class SlowClientsTest extends ServerTest {

  private static final int SLOW_BODIES = 50;
  private static final int SLOW_HEADERS = 200;
  /** Far above the milliseconds a read takes, far below what a starved server makes clients wait (a minute). */
  private static final long GENEROUS_MILLIS = 15_000;

  @Override
  protected List<String> serverArgs() {
    return List.of("--onautomate.request-timeouts.headers=2s", "--onautomate.request-timeouts.body=2s");
  }

  @Test
  void slowClientsStarveNoOneAndAreCutOffAtTheDeadlines() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < SLOW_BODIES; i++) {
        slow.add(open("POST " + opportunities(RENEWALS) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + DemoData.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"title\":\""));
      }
      for (int i = 0; i < SLOW_HEADERS; i++) {
        slow.add(open("GET " + opportunities(SALES) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
      }
      long started = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        long requestStarted = System.nanoTime();
        api().get(opportunities(SALES)).then().statusCode(200);
        api().body(newOpportunity("beside slow clients " + i, "beside" + i + "@example.com"))
            .post(opportunities(SALES)).then().statusCode(200);
        assertThat((System.nanoTime() - requestStarted) / 1_000_000).as("a read and a create beside slow clients, ms")
            .isLessThan(GENEROUS_MILLIS);
      }
      System.out.printf("SlowClientsTest: 20 reads and 20 creates beside %d slow bodies and %d slow headers in %d ms%n",
          SLOW_BODIES, SLOW_HEADERS, (System.nanoTime() - started) / 1_000_000);

      // Past the deadlines (2 s): a stalled body is answered 408 and closed, stalled headers are closed.
      for (int i = 0; i < slow.size(); i += 25) {
        String answer = readToEnd(slow.get(i));
        if (i < SLOW_BODIES) {
          assertThat(answer).startsWith("HTTP/1.1 408").containsIgnoringCase("Connection: close")
              .containsIgnoringCase("Content-Type: application/json").endsWith("{\"msg\":\"Request Timeout\"}");
        } else {
          assertThat(answer).as("stalled headers: closed without an answer").isEmpty();
        }
      }
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void aBodyThatTricklesInSlowerThanTheDeadlineIs408() throws Exception {
    try (Socket socket = open("PUT " + opportunity(SALES, DemoData.OPPORTUNITY_ID) + "/status HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Authorization: Bearer " + DemoData.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n")) {
      long started = System.nanoTime();
      // One byte every 300 ms never finishes 40 bytes within the 2 s deadline, though no pause is long.
      try {
        for (int i = 0; i < 10; i++) {
          socket.getOutputStream().write('{');
          Thread.sleep(300);
        }
      } catch (IOException e) {
        // closed by the server at the deadline, while still sending: its answer is read below
      }
      String answer = readToEnd(socket);
      assertThat(answer).startsWith("HTTP/1.1 408");
      assertThat((System.nanoTime() - started) / 1_000_000).isBetween(1_500L, 15_000L);
    }
    api().get(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("open"));
  }

  /** Chunked bodies (no length) hold no thread either: stalled ones are cut off at the deadline, and delay no one. */
  @Test
  void stalledChunkedBodiesAre408AndDelayNoOne() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        stalled.add(open("POST " + opportunities(RENEWALS) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + DemoData.TOKEN + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"title\":"));
      }
      assertThat(readToEnd(stalled.get(0))).startsWith("HTTP/1.1 408").endsWith("{\"msg\":\"Request Timeout\"}");
      long started = System.nanoTime();
      String body = "{\"title\":\"chunked after stalls\",\"status\":\"open\",\"stageId\":\"" + DemoData.DUPLICATES_STAGE_1_ID
          + "\",\"email\":\"chunked-after@example.com\"}";
      List<RawHttp.Answer> answers = RawHttp.exchange(server.baseUrl().getHost(), server.port(), ("POST "
          + opportunities(RENEWALS) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + DemoData.TOKEN
          + "\r\nContent-Type: application/json\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
          + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8), false);
      assertThat(answers).extracting(RawHttp.Answer::status).containsExactly(200);
      assertThat((System.nanoTime() - started) / 1_000_000).as("a chunked create after 40 stalled ones, ms")
          .isLessThan(GENEROUS_MILLIS);
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  @Test
  void headersThatTrickleInSlowerThanTheDeadlineAreClosed() throws Exception {
    try (Socket socket = open("GET " + opportunities(SALES) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")) {
      long started = System.nanoTime();
      boolean closed = false;
      // A header byte every 300 ms: no pause comes near Tomcat's connection timeout, the total does pass 2 s.
      for (int i = 0; i < 60 && !closed; i++) {
        try {
          socket.getOutputStream().write('x');
          socket.getOutputStream().flush();
          Thread.sleep(300);
          socket.setSoTimeout(1);
          closed = socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
          // still open
        } catch (IOException e) {
          closed = true;
        }
      }
      assertThat(closed).as("closed by the server").isTrue();
      assertThat((System.nanoTime() - started) / 1_000_000).isBetween(1_500L, 15_000L);
    }
  }

  private Socket open(String firstBytes) throws IOException {
    Socket socket = new Socket(server.baseUrl().getHost(), server.port());
    socket.getOutputStream().write(firstBytes.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
    return socket;
  }

  private static String readToEnd(Socket socket) throws IOException {
    socket.setSoTimeout(30_000);
    List<RawHttp.Answer> answers = RawHttp.parse(RawHttp.readAll(socket.getInputStream()));
    return answers.isEmpty() ? "" : answers.get(0).text();
  }
}
