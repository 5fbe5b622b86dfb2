package com.onautomate.opportunities.conformance.cli;

import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.SchemaValidator;
import com.onautomate.opportunities.conformance.spec.Contract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How a run, {@code replay} and {@code proxy} judge an exchange: the contract, the timeouts, the schema reading. */
final class JudgingOptions {
  @Option(names = "--spec", description = "The contract, a path or URL (default: openapi.yaml from the api artifact).")
  String spec;
  @Option(names = "--request-timeout", description = "Seconds a request may take, connection to last byte, before it "
      + "counts as unanswered (default 30).")
  Double requestTimeout;
  @Option(names = "--max-response-time", description = "Enables max_response_time with this limit, in seconds.")
  Double maxResponseTime;
  @Option(names = "--strict-schemas", description = "Report response properties that a schema does not list, as if"
      + " every object schema said additionalProperties: false (default: allowed unless a schema forbids them).")
  boolean strictSchemas;

  Duration timeout() {
    return Arguments.requestTimeout(requestTimeout);
  }

  /** The limit of max_response_time in milliseconds, or null when none was given. */
  Double limitMillis() {
    return Arguments.maxResponseTimeMillis(maxResponseTime);
  }

  Contract contract() {
    return Contract.load(spec);
  }

  /** What the checks consult: no pipeline or stages (no check of one exchange needs them), no config overrides. */
  CheckContext context(Contract contract) {
    return new CheckContext(contract, new SchemaValidator(contract, strictSchemas), Map.of(), limitMillis(), null,
        List.of());
  }
}
