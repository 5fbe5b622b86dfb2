package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.spec.Contract;
import java.util.List;
import java.util.Map;

/**
 * What checks may consult besides the exchange: the contract, its validator, the run's settings. Custom checks may
 * rely on {@link #expected}, {@link #pipelineId()}, {@link #stageIds()} and {@link #contract()}; the constructor and
 * {@link #validator()} are the suite's and may change. A check's own settings come once, to
 * {@link Check#configured}.
 *
 * @param expectedStatuses per-check overrides of the expected statuses (from the config file)
 * @param maxResponseTimeMillis the limit of {@code max_response_time}, or null when off
 * @param pipelineId the pipeline under test (it does not allow duplicate opportunities)
 */
public record CheckContext(Contract contract, SchemaValidator validator, Map<String, StatusSet> expectedStatuses,
                           Double maxResponseTimeMillis, String pipelineId, List<String> stageIds) {

  public CheckContext {
    expectedStatuses = Map.copyOf(expectedStatuses);
    stageIds = List.copyOf(stageIds);
  }

  /** The statuses a check expects: the config's override, else the check's default. */
  public StatusSet expected(String check, StatusSet defaults) {
    return expectedStatuses.getOrDefault(check, defaults);
  }
}
