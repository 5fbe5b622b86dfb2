package com.onautomate.opportunities.conformance.engine;

import com.onautomate.opportunities.conformance.checks.CheckResult;
import java.util.Map;

/**
 * Sees every exchange the {@link Recorder} records, with the verdict of every selected check, in the order they are
 * recorded (one at a time): what a cassette writes and the validating proxy prints.
 */
@FunctionalInterface
public interface ExchangeListener {
  ExchangeListener NONE = (exchange, verdicts) -> { };

  /**
   * One exchange was recorded.
   *
   * @param verdicts check name to its verdict, in check order
   */
  void recorded(Exchange exchange, Map<String, CheckResult> verdicts);
}
