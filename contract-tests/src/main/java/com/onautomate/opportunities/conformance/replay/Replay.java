package com.onautomate.opportunities.conformance.replay;

import com.onautomate.opportunities.conformance.cassette.Cassette;
import com.onautomate.opportunities.conformance.cassette.Interaction;
import com.onautomate.opportunities.conformance.cassette.Secrets;
import com.onautomate.opportunities.conformance.cassette.Verdict;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.Recorder;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.http.Transport;
import com.onautomate.opportunities.conformance.http.TransportException;
import com.onautomate.opportunities.conformance.spec.Contract;
import com.onautomate.opportunities.conformance.spec.Operation;
import com.onautomate.opportunities.conformance.spec.OperationMatcher;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the requests of a cassette again — all, the failing ones, or one by id — and judges the new answers with the
 * checks the cassette recorded for each, those that can judge one exchange alone ({@link SingleExchangeChecks}): the
 * loop of "fix the server, replay the failures, see them pass".
 *
 * <pre>{@code Replay.Result r = new Replay(contract, context, System.out).run(Cassette.read(path), options);}</pre>
 */
public final class Replay {
  private final Contract contract;
  private final CheckContext context;
  private final PrintStream out;

  public Replay(Contract contract, CheckContext context, PrintStream out) {
    this.contract = contract;
    this.context = context;
    this.out = out;
  }

  /**
   * What to replay and where.
   *
   * @param status only the interactions of this status ({@code FAILURE}: those where a check failed), or null for all
   * @param id only the interaction with this id, or null
   * @param token the bearer token to send in place of the recorded one (needed when the cassette masked it), or null
   */
  public record Options(String baseUrl, Verdict.Status status, Integer id, String token, Duration timeout) {
  }

  /**
   * What a replay found.
   *
   * @param failedChecks check name to how many replayed exchanges it failed, in first-seen order
   */
  public record Result(int replayed, int failedExchanges, Map<String, Integer> failedChecks) {
    public boolean passed() {
      return failedExchanges == 0;
    }
  }

  /**
   * Replays and prints each exchange's new verdicts beside the recorded ones, with a curl line for each failure.
   *
   * @throws IllegalArgumentException when the selection is empty of an id asked for, or a masked token has no
   *     {@code --token} to replace it (one line)
   * @throws TransportException when the server cannot be reached at all
   */
  public Result run(Cassette cassette, Options options) {
    List<Interaction> chosen = choose(cassette, options);
    requireToken(chosen, options.token());
    if (!chosen.isEmpty()) {
      requireReachable(options.baseUrl());
    }
    SingleExchangeChecks.Selection selection = rejudged(chosen);
    out.println("Replaying " + chosen.size() + " of " + cassette.interactions().size() + " recorded exchanges"
        + (options.status() == null ? "" : " (status " + options.status() + ")")
        + (options.id() == null ? "" : " (id " + options.id() + ")") + " against " + options.baseUrl());
    out.println("Re-judged with the checks recorded for each: "
        + String.join(", ", selection.judged().stream().map(Check::name).toList()));
    selection.notJudged().forEach((name, why) -> out.println("Not re-judged: " + name + " (" + why + ")"));
    out.println();
    if (chosen.isEmpty()) {
      out.println("Nothing to replay.");
      return new Result(0, 0, Map.of());
    }
    Recorder judge = new Recorder(selection.judged(), context, options.baseUrl());
    OperationMatcher matcher = new OperationMatcher(contract);
    Map<String, Integer> failedChecks = new LinkedHashMap<>();
    int failedExchanges = 0;
    try (Transport transport = new Transport(options.baseUrl(), options.timeout())) {
      for (Interaction i : chosen) {
        List<String> failed = replay(i, transport, judge, selection.judged(), matcher, options);
        failed.forEach(name -> failedChecks.merge(name, 1, Integer::sum));
        failedExchanges += failed.isEmpty() ? 0 : 1;
      }
    }
    out.println();
    List<String> counts = new ArrayList<>();
    failedChecks.forEach((name, n) -> counts.add(name + " ×" + n));
    out.println("Replayed " + chosen.size() + (chosen.size() == 1 ? " exchange: " : " exchanges: ")
        + (chosen.size() - failedExchanges) + " passed, " + failedExchanges + " failed"
        + (counts.isEmpty() ? "" : " (" + String.join(", ", counts) + ")"));
    out.println("Result: " + (failedExchanges == 0 ? "PASSED" : "FAILED"));
    return new Result(chosen.size(), failedExchanges, failedChecks);
  }

  /** The checks recorded for the chosen exchanges that can judge them again, and why each other one cannot. */
  private SingleExchangeChecks.Selection rejudged(List<Interaction> chosen) {
    Map<String, Check> known = new LinkedHashMap<>();
    CheckRegistry.discover(List.of()).all().forEach(c -> known.put(c.name(), c));
    Set<String> recorded = new LinkedHashSet<>();
    chosen.forEach(i -> i.checks().forEach(v -> recorded.add(v.name())));
    List<Check> candidates = new ArrayList<>();
    Map<String, String> notJudged = new LinkedHashMap<>();
    for (String name : recorded) {
      Check c = known.get(name);
      if (c == null) {
        notJudged.put(name, "not a check of this build (a custom check that is not loaded?)");
      } else if (name.equals("max_response_time") && context.maxResponseTimeMillis() == null) {
        notJudged.put(name, "the cassette does not hold the limit: give --max-response-time");
      } else {
        candidates.add(c);
      }
    }
    SingleExchangeChecks.Selection alone = SingleExchangeChecks.select(candidates);
    notJudged.putAll(alone.notJudged());
    return new SingleExchangeChecks.Selection(alone.judged(), notJudged);
  }

  /** Sends one recorded request again, judges and prints the answer; returns the checks that failed now. */
  private List<String> replay(Interaction i, Transport transport, Recorder judge, List<Check> judged,
                              OperationMatcher matcher, Options options) {
    Request request = withToken(i.request(), i.kind(), options.token());
    Response response = transport.send(request);
    Operation op = operation(i, matcher);
    String line = "  #" + i.id() + " " + request.method() + " " + request.pathAndQuery() + ": "
        + (response.answered() ? Integer.toString(response.status()) : "no answer") + " (recorded "
        + (i.response().answered() ? i.response().status() : "no answer") + ")";
    if (op == null) {
      out.println(line + ": not an operation of the contract, not judged");
      return List.of();
    }
    Exchange exchange = new Exchange(StoredDataRefusal.judgedAs(new TestCase(op, phase(i.phase()), i.kind(),
        i.description(), i.target(), request), response), response);
    List<CheckResult> results = judge.judge(exchange);
    Set<String> recorded = new LinkedHashSet<>();
    i.checks().forEach(v -> recorded.add(v.name()));
    List<String> failed = new ArrayList<>();
    StringBuilder details = new StringBuilder();
    for (int k = 0; k < judged.size(); k++) {
      String name = judged.get(k).name();
      if (recorded.contains(name) && results.get(k) instanceof CheckResult.Failed f) {
        failed.add(name);
        details.append("      ").append(name).append(": ").append(f.title()).append('\n')
            .append("        Received: ").append(f.received()).append('\n')
            .append("        Documented: ").append(f.documented()).append('\n');
      }
    }
    String before = i.failedChecks().isEmpty() ? "passed" : "failed " + String.join(", ", i.failedChecks());
    if (failed.isEmpty()) {
      out.println(line + ": passed (recorded: " + before + ")");
    } else {
      out.println(line + ": FAILED " + String.join(", ", failed) + " (recorded: " + before + ")");
      out.print(details);
      out.println("      Reproduce with: " + request.toCurl(options.baseUrl()));
    }
    return failed;
  }

  private static List<Interaction> choose(Cassette cassette, Options options) {
    List<Interaction> chosen = cassette.interactions().stream()
        .filter(i -> options.id() == null || i.id() == options.id())
        .filter(i -> options.status() == null || i.status() == options.status())
        .toList();
    if (options.id() != null && cassette.interactions().stream().noneMatch(i -> i.id() == options.id())) {
      throw new IllegalArgumentException("the cassette has no exchange with id " + options.id() + " (it holds "
          + (cassette.interactions().isEmpty() ? "none" : "ids " + cassette.interactions().get(0).id() + " to "
          + cassette.interactions().get(cassette.interactions().size() - 1).id()) + ")");
    }
    return chosen;
  }

  /** A masked token cannot be sent: the user must say which one to send instead. */
  private static void requireToken(List<Interaction> chosen, String token) {
    if (token != null) {
      return;
    }
    for (Interaction i : chosen) {
      if (i.kind() != Kind.INVALID_AUTH && i.request().headers().entrySet().stream()
          .anyMatch(h -> Secrets.isSecret(h.getKey()) && h.getValue().equals(Secrets.MASK))) {
        throw new IllegalArgumentException("the cassette's Authorization values are masked (" + Secrets.MASK
            + "): give --token TOKEN to replay them (or record with --cassette-keep-secrets)");
      }
    }
  }

  /**
   * The request with {@code token} as its bearer token, where it had credentials; a case sent with an invalid token
   * keeps the recorded one (masked, it is still no valid token).
   */
  static Request withToken(Request request, Kind kind, String token) {
    if (token == null || kind == Kind.INVALID_AUTH) {
      return request;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach((name, value) -> headers.put(name, name.equalsIgnoreCase("Authorization")
        ? "Bearer " + token : value));
    return request.withHeaders(headers);
  }

  private Operation operation(Interaction i, OperationMatcher matcher) {
    if (i.operation() != null) {
      for (Operation op : contract.operations()) {
        if (op.label().equals(i.operation())) {
          return op;
        }
      }
    }
    OperationMatcher.Match m = matcher.match(i.request().method(), i.request().path());
    return m == null ? null : m.operation() != null ? m.operation() : m.onPath();
  }

  private static Phase phase(String name) {
    if (name == null) {
      return null;
    }
    try {
      return Phase.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Fails with one line when nothing listens at the base URL's host and port. */
  private static void requireReachable(String baseUrl) {
    URI uri = URI.create(baseUrl);
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(uri.getHost(), port), 5000);
    } catch (IOException | IllegalArgumentException e) {
      throw new TransportException("cannot reach " + baseUrl + ": " + (e.getMessage() == null
          ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }
}
