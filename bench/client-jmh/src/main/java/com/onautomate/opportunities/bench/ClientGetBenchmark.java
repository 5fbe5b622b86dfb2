package com.onautomate.opportunities.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onautomate.opportunities.client.OpportunitiesClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One GET of an opportunity, through the client facade and through raw OkHttp, against the same
 * local server: the JDK's HttpServer on 127.0.0.1, answering the seed's opportunity JSON from
 * memory (so that the server's own cost is small and the client's cost shows).
 *
 * <p>{@code rawOkHttp} is what a user without our client would write at the least: build the
 * request with the bearer header, execute it, read the body. {@code rawOkHttpJackson} also parses
 * the body into a Jackson tree. {@code facade} is {@code OpportunitiesClient.getOpportunity}: the
 * same GET, answered as the typed {@code Opportunity}, with status mapping and retry policy.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// TCP_NODELAY on the JDK server: without it, Nagle and delayed ACKs add ~40 ms to every exchange.
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-Dsun.net.httpserver.nodelay=true"})
@Threads(1)
@State(Scope.Benchmark)
public class ClientGetBenchmark {

  static final String TOKEN = "demo-token";
  static final String PIPELINE = "bCkKGpDsyPP4peuKowkG";
  static final String OPPORTUNITY = "123akv4LFn6C9frZoy3e";

  private HttpServer server;
  private OkHttpClient okHttp;
  private OpportunitiesClient client;
  private ObjectMapper json;
  private String url;

  @Setup(Level.Trial)
  public void start() throws IOException {
    json = new ObjectMapper();
    byte[] body;
    try (InputStream in = Objects.requireNonNull(
        ClientGetBenchmark.class.getResourceAsStream("/seed-opportunity.json"), "seed-opportunity.json")) {
      body = json.writeValueAsBytes(json.readTree(in)); // compact, as a server sends it
    }
    String path = "/v1/pipelines/" + PIPELINE + "/opportunities/" + OPPORTUNITY;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        boolean found = exchange.getRequestURI().getPath().equals(path)
            && ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] answer = found ? body : "{\"msg\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(found ? 200 : 404, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    url = base + path;
    okHttp = new OkHttpClient();
    client = OpportunitiesClient.builder().baseUrl(base).token(TOKEN).build();
    // Fail here, not with a wrong figure, when either path does not get the opportunity.
    if (!rawOkHttp().contains("7XExm1wr8gFeZpl6rQny") || facade() == null) {
      throw new IllegalStateException("the local server did not answer the opportunity");
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
    server.stop(0);
  }

  @Benchmark
  public String rawOkHttp() throws IOException {
    Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + TOKEN).build();
    try (Response response = okHttp.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("status " + response.code());
      }
      ResponseBody body = Objects.requireNonNull(response.body());
      return body.string();
    }
  }

  @Benchmark
  public JsonNode rawOkHttpJackson() throws IOException {
    Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + TOKEN).build();
    try (Response response = okHttp.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("status " + response.code());
      }
      ResponseBody body = Objects.requireNonNull(response.body());
      return json.readTree(body.byteStream());
    }
  }

  @Benchmark
  public Object facade() {
    return client.getOpportunity(PIPELINE, OPPORTUNITY);
  }
}
