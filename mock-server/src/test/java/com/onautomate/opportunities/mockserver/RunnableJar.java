package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java [jvmOptions] -jar mock-server.jar --server.port=0}, started as a user starts it, until ready. */
final class RunnableJar implements AutoCloseable {

  private static final Pattern READY = Pattern.compile("ready at (http://\\S+)");

  final Process process;
  final String baseUrl;
  final long startMillis;

  private RunnableJar(Process process, String baseUrl, long startMillis) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.startMillis = startMillis;
  }

  static RunnableJar start(String... jvmOptions) throws Exception {
    return start(List.of(jvmOptions), List.of());
  }

  /** With Spring arguments after {@code --server.port=0}, e.g. {@code --spring.datasource.url=...}. */
  static RunnableJar start(List<String> jvmOptions, List<String> serverArgs) throws Exception {
    String jar = System.getProperty("mockServerJar", "target/mock-server.jar");
    assertThat(Path.of(jar)).exists();
    // The JVM that runs the tests: the one the build prepared the fast start with.
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar, "--server.port=0"));
    command.addAll(serverArgs);
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          Matcher matcher = READY.matcher(line);
          if (matcher.find()) {
            return matcher.group(1);
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      throw new IllegalStateException("The jar stopped before it was ready");
    });
    try {
      String baseUrl = ready.get(90, TimeUnit.SECONDS);
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.printf("mock-server.jar %s ready at %s after %d ms%n", jvmOptions, baseUrl, millis);
      // Keep draining its output so that it never blocks on a full pipe.
      CompletableFuture.runAsync(() -> out.lines().forEach(line -> { }));
      return new RunnableJar(process, baseUrl, millis);
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** SIGKILL to the JVM that serves (the fast start's child, or the launcher itself when it serves). */
  void killServer() throws Exception {
    ProcessHandle server = process.descendants().findFirst().orElse(process.toHandle());
    server.destroyForcibly();
    server.onExit().get(30, TimeUnit.SECONDS);
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
