package com.onautomate.opportunities.conformance.engine;

import com.onautomate.opportunities.conformance.http.RateLimit;
import com.onautomate.opportunities.conformance.http.Transport;
import java.time.Duration;
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
 * @param requestTimeout how long a request may take, connection to last byte, before it counts as unanswered
 * @param rateLimit requests to spread evenly ({@code --rate-limit}), or null to send as fast as the server answers
 */
public record RunOptions(String baseUrl, String token, String otherToken, String pipelineId, List<String> stageIds,
                         Map<String, String> headers, long seed, int maxExamples, Duration requestTimeout,
                         RateLimit rateLimit) {

  public RunOptions {
    stageIds = List.copyOf(stageIds);
    headers = Map.copyOf(headers);
    if (stageIds.isEmpty()) {
      throw new IllegalArgumentException("at least one --stage-id is needed");
    }
    if (requestTimeout.isZero() || requestTimeout.isNegative()) {
      throw new IllegalArgumentException("--request-timeout must be more than 0 seconds");
    }
  }

  /** Options with the default request timeout and no rate limit of the suite's own. */
  public RunOptions(String baseUrl, String token, String otherToken, String pipelineId, List<String> stageIds,
                    Map<String, String> headers, long seed, int maxExamples) {
    this(baseUrl, token, otherToken, pipelineId, stageIds, headers, seed, maxExamples, Transport.DEFAULT_TIMEOUT,
        null);
  }

  /** These options with another request timeout and rate limit. */
  public RunOptions withSending(Duration timeout, RateLimit limit) {
    return new RunOptions(baseUrl, token, otherToken, pipelineId, stageIds, headers, seed, maxExamples, timeout, limit);
  }
}
