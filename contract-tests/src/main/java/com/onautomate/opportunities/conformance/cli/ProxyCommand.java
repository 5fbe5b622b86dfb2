package com.onautomate.opportunities.conformance.cli;

import com.onautomate.opportunities.conformance.cassette.CassetteWriter;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.engine.ExchangeListener;
import com.onautomate.opportunities.conformance.proxy.ProxySummary;
import com.onautomate.opportunities.conformance.proxy.ValidatingProxy;
import com.onautomate.opportunities.conformance.proxy.ViolationLog;
import com.onautomate.opportunities.conformance.replay.SingleExchangeChecks;
import com.onautomate.opportunities.conformance.report.JUnitXmlReport;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.spec.Contract;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar conformance.jar proxy --upstream URL}: a reverse proxy that forwards live traffic unchanged and judges
 * each exchange with the checks that need only that one exchange. Violations print as they happen; a summary, and the
 * cassette and JUnit XML when asked, at exit (Ctrl-C, or after {@code --max-exchanges}). Exit 0 no violation, 1 a
 * violation, 2 bad arguments.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Forwards every request unchanged to the upstream and judges each exchange against the contract"
        + " with the checks that need only that exchange.")
final class ProxyCommand implements Callable<Integer> {
  @Option(names = "--upstream", required = true, description = "The server to forward to, e.g. http://127.0.0.1:8080.")
  String upstream;
  @Option(names = "--listen", description = "Address to listen on, HOST:PORT (default 127.0.0.1:4010; port 0: a free"
      + " one).")
  String listen = "127.0.0.1:4010";
  @Option(names = "--max-exchanges", description = "Stop after this many requests (default: until Ctrl-C).")
  Integer maxExchanges;
  @Option(names = "--junit-xml", description = "At exit, write a JUnit XML report to this file.")
  Path junitXml;
  @Mixin
  CassetteOptions cassette = new CassetteOptions();
  @Mixin
  CheckSelectionOptions checkSelection = new CheckSelectionOptions();
  @Mixin
  JudgingOptions judging = new JudgingOptions();
  @Spec
  CommandSpec commandSpec;

  private final PrintStream out;

  ProxyCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws InterruptedException {
    Arguments.httpUrl(upstream, "--upstream");
    if (maxExchanges != null && maxExchanges < 1) {
      throw new IllegalArgumentException("--max-exchanges must be 1 or more");
    }
    InetSocketAddress address = address(listen);
    Duration timeout = judging.timeout();
    Set<String> enabled = new LinkedHashSet<>();
    if (judging.limitMillis() != null) {
      enabled.add("max_response_time");
    }
    SingleExchangeChecks.Selection selection =
        SingleExchangeChecks.select(CheckRegistry.discover(List.of())
            .select(checkSelection.only, Set.copyOf(checkSelection.excluded), enabled));
    Contract contract = judging.contract();
    CheckContext context = judging.context(contract);
    CassetteWriter recording = cassette.open("conformance", commandSpec.root().commandLine().getParseResult()
        .originalArgs(), null, upstream);
    ViolationLog log = new ViolationLog(out, upstream);
    ExchangeListener listener = recording == null ? log : (exchange, verdicts) -> {
      log.recorded(exchange, verdicts);
      recording.recorded(exchange, verdicts);
    };
    ValidatingProxy proxy;
    try {
      proxy = ValidatingProxy.start(contract, selection.judged(), context,
          new ValidatingProxy.Settings(URI.create(upstream), address, timeout, maxExchanges), listener, log::note);
    } catch (IllegalArgumentException e) {
      if (recording != null) {
        recording.close();
      }
      throw e;
    }
    out.println("Validating proxy on " + proxy.baseUrl() + ", forwarding to " + upstream + " (checks: "
        + String.join(", ", selection.judged().stream().map(Check::name).toList()) + ")");
    selection.notJudged().forEach((name, why) -> out.println("Not judged: " + name + " (" + why + ")"));
    out.println(maxExchanges == null ? "Stop with Ctrl-C." : "Stops after " + maxExchanges + " requests.");
    AtomicReference<RunResult> finished = new AtomicReference<>();
    Runnable finish = () -> finish(proxy, recording, finished);
    Thread hook = new Thread(finish, "conformance-proxy-exit");
    Runtime.getRuntime().addShutdownHook(hook);
    if (maxExchanges != null) {
      proxy.awaitMaxExchanges(Duration.ofDays(3650));
    } else {
      Thread.currentThread().join(); // until Ctrl-C: the shutdown hook reports
    }
    finish.run();
    Runtime.getRuntime().removeShutdownHook(hook);
    return finished.get().failures().isEmpty() ? ConformanceCli.PASSED : ConformanceCli.FAILED;
  }

  /** Stops the proxy and reports, once, whether at --max-exchanges or on Ctrl-C. */
  private synchronized void finish(ValidatingProxy proxy, CassetteWriter recording, AtomicReference<RunResult> done) {
    if (done.get() != null) {
      return;
    }
    proxy.close();
    RunResult result = proxy.result();
    done.set(result);
    out.println();
    out.print(ProxySummary.render(proxy, result));
    if (recording != null) {
      recording.close();
      out.println("Cassette: " + recording.file() + " (" + recording.written() + " exchanges)");
    }
    if (junitXml != null) {
      try {
        JUnitXmlReport.write(result, junitXml);
        out.println("JUnit XML report: " + junitXml);
      } catch (IOException e) {
        out.println("cannot write " + junitXml + ": " + e.getMessage());
      }
    }
    out.flush();
  }

  /** {@code HOST:PORT}, e.g. {@code 127.0.0.1:4010} or {@code 0.0.0.0:0}. */
  static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("--listen must be HOST:PORT, got '" + hostPort + "'");
    }
    try {
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(hostPort.substring(0, colon), port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--listen must be HOST:PORT with a port from 0 to 65535, got '" + hostPort + "'",
          e);
    }
  }
}
