package com.onautomate.opportunities.mockserver.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onautomate.opportunities.mockserver.faults.FaultPlan.Kind;
import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import com.onautomate.opportunities.mockserver.web.Preferences;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which request meets which fault: the rates, the seed, the delays, and the Prefer directives. */
class FaultPlannerTest {

  private static MockServerProperties.Faults settings(Map<Integer, Double> statusRate, double close, double truncate,
                                                      Duration delay, Duration delayMax, double delayRate, long seed) {
    return new MockServerProperties.Faults(statusRate, close, truncate, delay, delayMax, delayRate, Duration.ofSeconds(1), seed);
  }

  private static List<FaultPlan> plans(MockServerProperties.Faults settings, int requests) throws Exception {
    FaultPlanner planner = new FaultPlanner(settings);
    List<FaultPlan> plans = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      plans.add(planner.plan(Preferences.none()));
    }
    return plans;
  }

  @Test
  void offByDefault() throws Exception {
    MockServerProperties.Faults defaults = settings(null, 0, 0, Duration.ZERO, null, 1, 1);
    assertThat(defaults.enabled()).isFalse();
    assertThat(defaults.describe()).isEqualTo("off");
    assertThat(plans(defaults, 100)).allMatch(FaultPlan::isNothing);
  }

  @Test
  void theRatesAreMetAndTheSameSeedGivesTheSameFaults() throws Exception {
    var settings = settings(Map.of(429, 0.2, 503, 0.1), 0.05, 0.05, Duration.ZERO, null, 1, 42);
    List<FaultPlan> plans = plans(settings, 10_000);
    assertThat(plans.stream().filter(p -> p.status() == 429).count()).isBetween(1800L, 2200L);
    assertThat(plans.stream().filter(p -> p.status() == 503).count()).isBetween(850L, 1150L);
    assertThat(plans.stream().filter(p -> p.kind() == Kind.CLOSE).count()).isBetween(400L, 600L);
    assertThat(plans.stream().filter(p -> p.kind() == Kind.TRUNCATE).count()).isBetween(400L, 600L);
    assertThat(plans(settings, 10_000)).isEqualTo(plans);
    assertThat(plans(settings(Map.of(429, 0.2, 503, 0.1), 0.05, 0.05, Duration.ZERO, null, 1, 43), 10_000))
        .isNotEqualTo(plans);
  }

  @Test
  void aRandomDelayStaysWithinItsBoundsAndSpreadsOverThem() throws Exception {
    var settings = settings(Map.of(), 0, 0, Duration.ofMillis(100), Duration.ofMillis(300), 0.5, 7);
    List<Long> delays = plans(settings, 2000).stream().map(FaultPlan::delayMillis).toList();
    List<Long> delayed = delays.stream().filter(d -> d > 0).toList();
    assertThat(delayed.size()).as("delay-rate 0.5").isBetween(850, 1150);
    assertThat(delayed).allMatch(d -> d >= 100 && d <= 300);
    assertThat(delayed.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(110);
    assertThat(delayed.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(290);
    assertThat(settings.describe()).isEqualTo("delay 100-300 ms on 50.0 %; seed 7 (--onautomate.faults.seed=7 repeats it)");
  }

  @Test
  void preferDirectivesDecideTheirRequestButKeepItsPlaceInTheSequence() throws Exception {
    var settings = settings(Map.of(503, 0.5), 0, 0, Duration.ofMillis(50), null, 1, 9);
    List<FaultPlan> expected = plans(settings, 3);
    FaultPlanner planner = new FaultPlanner(settings);
    assertThat(planner.plan(Preferences.parse("fault=close, delay=0")))
        .isEqualTo(new FaultPlan(Kind.CLOSE, 0, 0, "fault=close, delay=0"));
    assertThat(planner.plan(Preferences.parse("fault=none"))).isEqualTo(
        new FaultPlan(Kind.NONE, 0, 50, "fault=none"));
    assertThat(planner.plan(Preferences.none())).isEqualTo(expected.get(2));
  }

  @Test
  void directivesWorkWithTheSettingsOff() throws Exception {
    FaultPlanner planner = new FaultPlanner(settings(null, 0, 0, Duration.ZERO, null, 1, 1));
    assertThat(planner.plan(Preferences.parse("fault=503"))).isEqualTo(new FaultPlan(Kind.STATUS, 503, 0, "fault=503"));
    assertThat(planner.plan(Preferences.parse("fault=Truncate, delay=250")))
        .isEqualTo(new FaultPlan(Kind.TRUNCATE, 0, 250, "fault=Truncate, delay=250"));
    assertThat(planner.plan(Preferences.parse("code=200"))).isEqualTo(FaultPlan.NOTHING);
  }

  @Test
  void badDirectivesAreRefused() {
    FaultPlanner planner = new FaultPlanner(settings(null, 0, 0, Duration.ZERO, null, 1, 1));
    for (String bad : List.of("fault=explode", "fault=200", "fault=600", "delay=-1", "delay=1.5", "delay=300001", "delay=")) {
      assertThatThrownBy(() -> planner.plan(Preferences.parse(bad))).as(bad).isInstanceOf(FaultPlanner.BadDirective.class)
          .hasMessageStartingWith("Prefer: " + bad + " is not a");
    }
  }

  @Test
  void settingsOutsideTheirRangeAreRefusedAtStart() {
    assertThatThrownBy(() -> settings(Map.of(200, 0.1), 0, 0, Duration.ZERO, null, 1, 1))
        .hasMessage("onautomate.faults.status-rate.200: only 400 to 599 can be injected");
    assertThatThrownBy(() -> settings(Map.of(), 1.5, 0, Duration.ZERO, null, 1, 1))
        .hasMessage("onautomate.faults.close-rate=1.5: a share from 0 to 1");
    assertThatThrownBy(() -> settings(Map.of(500, 0.6), 0.5, 0, Duration.ZERO, null, 1, 1))
        .hasMessageContaining("add up to 1.1, more than 1");
    assertThatThrownBy(() -> settings(Map.of(), 0, 0, Duration.ofSeconds(2), Duration.ofSeconds(1), 1, 1))
        .hasMessageStartingWith("onautomate.faults.delay-max=PT1S: from delay");
    assertThatThrownBy(() -> settings(Map.of(), 0, 0, Duration.ofMinutes(6), null, 1, 1))
        .hasMessageStartingWith("onautomate.faults.delay=PT6M: from 0 to");
  }
}
