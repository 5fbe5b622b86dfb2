package com.onautomate.opportunities.conformance.spec;

import java.util.List;
import java.util.Locale;

/**
 * Finds the operation a request addresses by its path, as a router would: a path matches a template segment by
 * segment, a {@code {name}} matching any one non-empty segment; one trailing slash is ignored
 * ({@code POST /v1/pipelines/p/opportunities/}, as the vendor's own example writes it). Literal segments win over
 * parameters.
 *
 * <pre>{@code OperationMatcher.Match m = new OperationMatcher(contract).match("GET", "/v1/pipelines/p/opportunities");}</pre>
 */
public final class OperationMatcher {
  private final Contract contract;

  public OperationMatcher(Contract contract) {
    this.contract = contract;
  }

  /**
   * What the contract documents at a path.
   *
   * @param path the path as it will be judged (one trailing slash removed)
   * @param operation the operation of the request's method there, or null when the path does not document it
   * @param onPath the path's first operation (what an undocumented method or OPTIONS is judged against)
   */
  public record Match(String path, Operation operation, Operation onPath) {
  }

  /** The match of a request's method and raw path, or null when no documented path matches. */
  public Match match(String method, String rawPath) {
    String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    String best = null;
    int bestLiterals = -1;
    for (Operation op : contract.operations()) {
      int literals = op.pathTemplate().literalSegments();
      if (op.pathTemplate().matches(path) && literals > bestLiterals) {
        best = op.path();
        bestLiterals = literals;
      }
    }
    if (best == null) {
      return null;
    }
    String template = best;
    List<Operation> there = contract.operations().stream().filter(o -> o.path().equals(template)).toList();
    Operation exact = there.stream().filter(o -> o.method().equals(method.toUpperCase(Locale.ROOT))).findFirst()
        .orElse(null);
    return new Match(path, exact, there.get(0));
  }
}
