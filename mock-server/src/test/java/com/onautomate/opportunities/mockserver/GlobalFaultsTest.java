package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Faults injected by the settings into a share of all requests: each kind met at its rate, the
 * same sequence for the same seed on a fresh server, another for another seed; a bad setting
 * stops the start with its reason.
 */
class GlobalFaultsTest {

  private static final String[] FAULTS = {"--onautomate.faults.status-rate.429=0.15",
      "--onautomate.faults.status-rate.503=0.1", "--onautomate.faults.status-rate.500=0.05",
      "--onautomate.faults.close-rate=0.1", "--onautomate.faults.truncate-rate=0.1", "--onautomate.faults.retry-after=0"};

  /** What each of {@code count} GETs of one opportunity met, in order. */
  private static List<String> outcomes(long seed, int count) throws Exception {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--onautomate.faults.seed=" + seed));
    args.addAll(List.of(FAULTS));
    try (MockServer server = MockServer.start(args.toArray(String[]::new))) {
      List<String> outcomes = new ArrayList<>();
      String path = "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities/" + DemoData.OPPORTUNITY_ID;
      for (int i = 0; i < count; i++) {
        RawExchange answer = RawExchange.exchange(server.baseUrl(), "GET", path,
            Map.of("Authorization", "Bearer " + DemoData.TOKEN), null);
        outcomes.add(outcome(answer));
      }
      return outcomes;
    }
  }

  private static String outcome(RawExchange answer) {
    if (answer.nothing()) {
      return "closed";
    }
    if (answer.body().length < Integer.parseInt(answer.headers().get("content-length"))) {
      return "truncated";
    }
    if (answer.status() == 429 || answer.status() == 503) {
      assertThat(answer.headers()).containsEntry("retry-after", "0");
    }
    return Integer.toString(answer.status());
  }

  @Test
  void everyKindIsMetAtItsRateAndTheSeedRepeatsTheRun() throws Exception {
    List<String> first = outcomes(20261201L, 400);
    assertThat(count(first, "200")).isBetween(140L, 260L);   // 50 %
    assertThat(count(first, "429")).isBetween(30L, 95L);     // 15 %
    assertThat(count(first, "503")).isBetween(15L, 70L);     // 10 %
    assertThat(count(first, "500")).isBetween(4L, 40L);      // 5 %
    assertThat(count(first, "closed")).isBetween(15L, 70L);  // 10 %
    assertThat(count(first, "truncated")).isBetween(15L, 70L); // 10 %
    assertThat(outcomes(20261201L, 400)).as("same seed, fresh server").isEqualTo(first);
    assertThat(outcomes(7L, 400)).as("another seed").isNotEqualTo(first);
  }

  @Test
  void aBadSettingStopsTheStartWithItsReason() {
    assertThatThrownBy(() -> MockServer.start("--server.port=0", "--onautomate.faults.status-rate.200=0.5"))
        .rootCause().hasMessage("onautomate.faults.status-rate.200: only 400 to 599 can be injected");
  }

  private static long count(List<String> outcomes, String outcome) {
    return outcomes.stream().filter(outcome::equals).count();
  }
}
