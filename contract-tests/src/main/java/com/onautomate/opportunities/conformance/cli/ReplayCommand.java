package com.onautomate.opportunities.conformance.cli;

import com.onautomate.opportunities.conformance.cassette.Cassette;
import com.onautomate.opportunities.conformance.cassette.Verdict;
import com.onautomate.opportunities.conformance.replay.Replay;
import com.onautomate.opportunities.conformance.spec.Contract;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar conformance.jar replay FILE --base-url URL}: sends a cassette's requests again and judges the new
 * answers with the checks the cassette recorded. Exit 0 all passed, 1 a check failed, 2 bad arguments, an unreadable
 * cassette or an unreachable server.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Sends the requests of a cassette (VCR YAML or HAR, written with --cassette-path) again and judges the"
        + " new answers with the checks recorded for each, those that can judge one exchange alone.")
final class ReplayCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The cassette.")
  Path file;
  @Option(names = "--base-url", required = true, description = "The server to send the requests to.")
  String baseUrl;
  @Option(names = "--status", description = "Only the exchanges of this status: failure (a check failed) or success.")
  String status;
  @Option(names = "--id", description = "Only the exchange with this id.")
  Integer id;
  @Option(names = "--token", description = "Bearer token to send instead of the recorded one (needed when the"
      + " cassette masked it as [Filtered]).")
  String token;
  @Mixin
  JudgingOptions judging = new JudgingOptions();

  private final PrintStream out;

  ReplayCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    Arguments.httpUrl(baseUrl, "--base-url");
    Verdict.Status only = status(status);
    Replay.Options options = new Replay.Options(baseUrl, only, id, token, judging.timeout());
    Cassette cassette = Cassette.read(file);
    Contract contract = judging.contract();
    Replay.Result result = new Replay(contract, judging.context(contract), out).run(cassette, options);
    return result.passed() ? ConformanceCli.PASSED : ConformanceCli.FAILED;
  }

  private static Verdict.Status status(String s) {
    if (s == null) {
      return null;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "failure", "failed" -> Verdict.Status.FAILURE;
      case "success", "passed" -> Verdict.Status.SUCCESS;
      default -> throw new IllegalArgumentException("--status must be failure or success, got '" + s + "'");
    };
  }
}
