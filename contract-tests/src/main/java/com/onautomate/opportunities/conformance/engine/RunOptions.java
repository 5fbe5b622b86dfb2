package com.onautomate.opportunities.conformance.engine;

import com.onautomate.opportunities.conformance.http.RateLimit;
import com.onautomate.opportunities.conformance.http.Transport;
import com.onautomate.opportunities.conformance.shrinking.ShrinkLimits;
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
 * @param workers requests in flight at once in the examples, coverage and fuzzing phases ({@code --workers})
 * @param shrinking how far a failing generated case is shrunk to a minimal one ({@code --no-shrink} and its budgets)
 */
public record RunOptions(String baseUrl, String token, String otherToken, String pipelineId, List<String> stageIds,
                         Map<String, String> headers, long seed, int maxExamples, Duration requestTimeout,
                         RateLimit rateLimit, int workers, ShrinkLimits shrinking) {
  /** Requests in flight at once unless {@code --workers} says otherwise. */
  public static final int DEFAULT_WORKERS = 4;
  /** The most requests in flight at once (as Schemathesis's {@code --workers}). */
  public static final int MAX_WORKERS = 64;

  public RunOptions {
    stageIds = List.copyOf(stageIds);
    headers = Map.copyOf(headers);
    if (stageIds.isEmpty()) {
      throw new IllegalArgumentException("at least one --stage-id is needed");
    }
    if (requestTimeout.isZero() || requestTimeout.isNegative()) {
      throw new IllegalArgumentException("--request-timeout must be more than 0 seconds");
    }
    requireWorkers(workers);
  }

  /** Fails with a one-line message unless {@code n} is a number of workers this suite runs with (1 to 64). */
  public static int requireWorkers(int n) {
    if (n < 1 || n > MAX_WORKERS) {
      throw new IllegalArgumentException("--workers must be 1 to " + MAX_WORKERS + ", got " + n);
    }
    return n;
  }

  /** Options with the default workers and shrinking. */
  public RunOptions(String baseUrl, String token, String otherToken, String pipelineId, List<String> stageIds,
                    Map<String, String> headers, long seed, int maxExamples, Duration requestTimeout,
                    RateLimit rateLimit) {
    this(baseUrl, token, otherToken, pipelineId, stageIds, headers, seed, maxExamples, requestTimeout, rateLimit,
        DEFAULT_WORKERS, ShrinkLimits.DEFAULT);
  }

  /** Options with the default request timeout and no rate limit of the suite's own. */
  public RunOptions(String baseUrl, String token, String otherToken, String pipelineId, List<String> stageIds,
                    Map<String, String> headers, long seed, int maxExamples) {
    this(baseUrl, token, otherToken, pipelineId, stageIds, headers, seed, maxExamples, Transport.DEFAULT_TIMEOUT,
        null);
  }

  /** These options with another request timeout and rate limit. */
  public RunOptions withSending(Duration timeout, RateLimit limit) {
    return new RunOptions(baseUrl, token, otherToken, pipelineId, stageIds, headers, seed, maxExamples, timeout, limit,
        workers, shrinking);
  }

  /** These options with {@code n} requests in flight at once in the independent phases. */
  public RunOptions withWorkers(int n) {
    return new RunOptions(baseUrl, token, otherToken, pipelineId, stageIds, headers, seed, maxExamples, requestTimeout,
        rateLimit, n, shrinking);
  }

  /** These options with other shrinking limits ({@link ShrinkLimits#OFF} for none). */
  public RunOptions withShrinking(ShrinkLimits limits) {
    return new RunOptions(baseUrl, token, otherToken, pipelineId, stageIds, headers, seed, maxExamples, requestTimeout,
        rateLimit, workers, limits);
  }
}
