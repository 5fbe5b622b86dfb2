package com.onautomate.opportunities.conformance.engine;

import java.util.List;
import java.util.Map;

/**
 * What a run needs to know about the server under test.
 *
 * @param pipelineId a pipeline that does NOT allow duplicate opportunities
 * @param stageIds stages of that pipeline (at least one)
 * @param otherToken a token of another location, or null to skip tenant isolation
 * @param headers extra headers sent with every request (from the config file)
 * @param maxExamples random cases per operation in the fuzzing phase
 */
public record RunOptions(String baseUrl, String token, String otherToken, String pipelineId, List<String> stageIds,
                         Map<String, String> headers, long seed, int maxExamples) {

  public RunOptions {
    stageIds = List.copyOf(stageIds);
    headers = Map.copyOf(headers);
    if (stageIds.isEmpty()) {
      throw new IllegalArgumentException("at least one --stage-id is needed");
    }
  }
}
