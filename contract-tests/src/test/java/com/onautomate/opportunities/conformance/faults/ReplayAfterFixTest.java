package com.onautomate.opportunities.conformance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.LocalServers;
import com.onautomate.opportunities.conformance.SharedMockServer;
import com.onautomate.opportunities.conformance.cassette.Cassette;
import com.onautomate.opportunities.conformance.cassette.Interaction;
import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.cli.ConformanceCliTest;
import com.onautomate.opportunities.conformance.replay.SingleExchangeChecks;
import com.onautomate.opportunities.mockserver.DemoData;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop of "fix, replay the failures, see them pass": a cassette recorded against a faulty server, replayed against
 * the fixed one (the mock server itself) passes, and replayed against the faulty one fails with the same checks.
 */
class ReplayAfterFixTest {
  private static final String FAULT = "the list is sent as text/plain";

  @TempDir
  static Path dir;
  private static FaultProxy faulty;
  private static Path vcr;
  private static Path har;

  @BeforeAll
  static void recordAgainstTheFaultyServer() throws Exception {
    faulty = new FaultProxy(URI.create(SharedMockServer.baseUrl()));
    Faults.Injected fault = Faults.all().stream().filter(f -> f.name().equals(FAULT)).findFirst().orElseThrow();
    assertThat(fault.check()).isEqualTo("content_type_conformance");
    faulty.inject(fault.fault());
    vcr = dir.resolve("faulty.yaml");
    har = dir.resolve("faulty.har");
    for (String[] format : List.of(new String[] {"--cassette-path", vcr.toString()},
        new String[] {"--cassette-path", har.toString(), "--cassette-format", "har"})) {
      ConformanceCliTest.Outcome o = ConformanceCliTest.run(run(faulty.baseUrl(), format));
      assertThat(o.code()).as(o.out() + o.err()).isEqualTo(1);
      assertThat(o.out()).contains("content_type_conformance");
    }
  }

  @AfterAll
  static void stop() {
    faulty.close();
  }

  private static String[] run(String baseUrl, String... more) {
    List<String> args = new ArrayList<>(List.of("--base-url", baseUrl, "--token", DemoData.TOKEN, "--pipeline-id",
        DemoData.PIPELINE_ID, "--stage-id", DemoData.STAGE_NEW_ID, "--stage-id", DemoData.STAGE_CONTACTED_ID,
        "--max-examples", "2", "--seed", "21"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static ConformanceCliTest.Outcome replay(Path cassette, String baseUrl, String... more) {
    List<String> args = new ArrayList<>(List.of("replay", cassette.toString(), "--base-url", baseUrl));
    args.addAll(List.of(more));
    return ConformanceCliTest.run(args.toArray(String[]::new));
  }

  @Test
  void theFailuresReplayedAgainstTheFixedServerPass() {
    for (Path cassette : List.of(vcr, har)) {
      ConformanceCliTest.Outcome o = replay(cassette, SharedMockServer.baseUrl(), "--status", "failure",
          "--token", DemoData.TOKEN);
      assertThat(o.code()).as(o.out() + o.err()).isZero();
      long failing = Cassette.read(cassette).interactions().stream().filter(i -> !i.failedChecks().isEmpty()).count();
      assertThat(failing).isGreaterThan(0);
      assertThat(o.out()).contains("Replaying " + failing + " of ").contains("Result: PASSED")
          .contains("(recorded: failed content_type_conformance")
          .contains("Not re-judged: pages_partition (judges pages of a walk, sent by the paging scenario");
    }
  }

  @Test
  void theFailuresReplayedAgainstTheFaultyServerFailWithTheSameChecks() {
    for (Path cassette : List.of(vcr, har)) {
      ConformanceCliTest.Outcome o = replay(cassette, faulty.baseUrl(), "--status", "failure", "--token",
          DemoData.TOKEN);
      assertThat(o.code()).as(o.out() + o.err()).isEqualTo(1);
      assertThat(o.out()).contains("Result: FAILED").contains("Reproduce with: curl ");
      Set<String> alone = CheckRegistry.builtIn().all().stream().filter(SingleExchangeChecks::judgesAlone)
          .map(c -> c.name()).collect(Collectors.toSet());
      int compared = 0;
      for (Interaction i : Cassette.read(cassette).interactions()) {
        Set<String> expected = i.failedChecks().stream().filter(alone::contains)
            .collect(Collectors.toCollection(TreeSet::new));
        if (expected.isEmpty()) {
          continue;
        }
        String line = o.out().lines().filter(l -> l.startsWith("  #" + i.id() + " ")).findFirst().orElseThrow();
        assertThat(line).contains(": FAILED ");
        String named = line.substring(line.indexOf(": FAILED ") + 9, line.lastIndexOf(" (recorded: "));
        assertThat(new TreeSet<>(List.of(named.split(", ", -1)))).as(line).isEqualTo(expected);
        compared++;
      }
      assertThat(compared).isGreaterThan(0);
    }
  }

  @Test
  void oneExchangeIsReplayedById() {
    int id = Cassette.read(vcr).interactions().stream().filter(i -> !i.failedChecks().isEmpty()).findFirst()
        .orElseThrow().id();
    ConformanceCliTest.Outcome o = replay(vcr, SharedMockServer.baseUrl(), "--id", Integer.toString(id), "--token",
        DemoData.TOKEN);
    assertThat(o.code()).as(o.out() + o.err()).isZero();
    assertThat(o.out()).contains("Replaying 1 of ").contains("  #" + id + " ").contains("Replayed 1 exchange: 1 passed");
  }

  @Test
  void aMaskedTokenNeedsTokenAndOtherMistakesExitTwo() throws Exception {
    ConformanceCliTest.Outcome masked = replay(vcr, SharedMockServer.baseUrl(), "--status", "failure");
    assertThat(masked.code()).isEqualTo(2);
    assertThat(masked.err()).isEqualTo("conformance: the cassette's Authorization values are masked ([Filtered]): give"
        + " --token TOKEN to replay them (or record with --cassette-keep-secrets)\n");
    ConformanceCliTest.Outcome noSuchId = replay(vcr, SharedMockServer.baseUrl(), "--id", "99999", "--token", "t");
    assertThat(noSuchId.code()).isEqualTo(2);
    assertThat(noSuchId.err()).startsWith("conformance: the cassette has no exchange with id 99999 (it holds ids 1 to ");
    ConformanceCliTest.Outcome missing = replay(dir.resolve("none.yaml"), SharedMockServer.baseUrl());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read the cassette").contains("no such file");
    ConformanceCliTest.Outcome status = replay(vcr, SharedMockServer.baseUrl(), "--status", "broken");
    assertThat(status.code()).isEqualTo(2);
    assertThat(status.err()).contains("--status must be failure or success");
    int port = LocalServers.closedPort();
    ConformanceCliTest.Outcome unreachable = replay(vcr, "http://127.0.0.1:" + port, "--token", "t");
    assertThat(unreachable.code()).isEqualTo(2);
    assertThat(unreachable.err()).startsWith("conformance: cannot reach http://127.0.0.1:" + port);
  }
}
