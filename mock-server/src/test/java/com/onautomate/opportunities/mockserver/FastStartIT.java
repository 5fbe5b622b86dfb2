package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar mock-server.jar} serves from a second JVM with the class-data archive the build
 * prepared (see {@link FastStart}), passes the user's JVM options on, never outlives its launcher,
 * and steps aside when told to.
 */
class FastStartIT {

  @Test
  void servesFromAChildJvmWithTheArchiveAndStopsWhenTheLauncherIsKilled() throws Exception {
    try (RunnableJar jar = RunnableJar.start()) {
      List<String> child = childArguments(jar);
      assertThat(child).anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile=")
          && argument.contains("mock-server-faststart"));
      assertThat(child).contains("-XX:+UseG1GC", "-XX:GCTimeRatio=4", "-Xms64m", "-Xmx1g", "-XX:MaxNewSize=32m",
          "-XX:Tier4InvocationThreshold=50000");
      if (FastStart.trimsNativeHeap()) {
        assertThat(child).contains("-XX:TrimNativeHeapInterval=2000");
      }
      assertThat(getDemoOpportunity(jar)).isEqualTo(200);

      ProcessHandle server = jar.process.descendants().findFirst().orElseThrow();
      jar.process.destroyForcibly(); // SIGKILL: the launcher cannot tell its child
      assertThat(server.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    }
  }

  @Test
  void theUsersJvmOptionsReachTheServerAndReplaceTheDefaults() throws Exception {
    try (RunnableJar jar = RunnableJar.start("-Xmx200m", "-XX:+UseParallelGC", "-Dsome.user.property=1",
        "-XX:TieredStopAtLevel=1")) {
      List<String> child = childArguments(jar);
      assertThat(child).contains("-Xmx200m", "-XX:+UseParallelGC", "-Dsome.user.property=1", "-XX:TieredStopAtLevel=1")
          .doesNotContain("-Xmx1g", "-XX:MaxNewSize=32m", "-XX:+UseG1GC", "-XX:GCTimeRatio=4",
              "-XX:Tier4InvocationThreshold=50000");
      assertThat(getDemoOpportunity(jar)).isEqualTo(200);
    }
  }

  @Test
  void turnedOffItServesFromTheLaunchingJvm() throws Exception {
    try (RunnableJar jar = RunnableJar.start("-Donautomate.mock.fast-start=false")) {
      assertThat(jar.process.descendants()).isEmpty();
      assertThat(getDemoOpportunity(jar)).isEqualTo(200);
    }
  }

  private static List<String> childArguments(RunnableJar jar) {
    List<ProcessHandle> children = jar.process.children().toList();
    assertThat(children).as("the launcher's child JVM").hasSize(1);
    return List.of(children.get(0).info().arguments().orElseThrow());
  }

  private static int getDemoOpportunity(RunnableJar jar) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(jar.baseUrl + "/v1/pipelines/" + DemoData.PIPELINE_ID
            + "/opportunities/" + DemoData.OPPORTUNITY_ID))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + DemoData.TOKEN)
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
