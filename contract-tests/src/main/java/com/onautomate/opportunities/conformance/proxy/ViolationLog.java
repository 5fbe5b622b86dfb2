package com.onautomate.opportunities.conformance.proxy;

import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.ExchangeListener;
import java.io.PrintStream;
import java.util.Map;

/** Prints each violation as it happens, with the curl line that sends the request to the upstream again, and notes. */
public final class ViolationLog implements ExchangeListener {
  private final PrintStream out;
  private final String upstream;

  public ViolationLog(PrintStream out, String upstream) {
    this.out = out;
    this.upstream = upstream;
  }

  @Override
  public synchronized void recorded(Exchange exchange, Map<String, CheckResult> verdicts) {
    verdicts.forEach((check, result) -> {
      if (result instanceof CheckResult.Failed f) {
        out.println("VIOLATION " + check + " on " + exchange.operation().label() + ": " + f.title());
        out.println("  Received: " + f.received());
        out.println("  Documented: " + f.documented());
        out.println("  Reproduce with: " + exchange.request().toCurl(upstream));
      }
    });
  }

  /** A note on what the proxy forwarded without judging it. */
  public synchronized void note(String text) {
    out.println("note: " + text);
  }
}
