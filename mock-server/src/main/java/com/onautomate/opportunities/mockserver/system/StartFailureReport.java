package com.onautomate.opportunities.mockserver.system;

import com.onautomate.opportunities.mockserver.fixtures.FixtureException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * A start that fails for a reason the user can fix reports it on stderr, not as a stack trace: a bad
 * fixtures file in one line naming the file, line, entry and field; another failure Spring Boot
 * analyses (a port in use) as its description and action. Registered in
 * {@code META-INF/spring.factories}; Boot's own logging reporter is silenced by
 * {@code MockServerApplication}'s defaults so that each failure is told once.
 */
public final class StartFailureReport implements FailureAnalysisReporter {

  @Override
  public void report(FailureAnalysis analysis) {
    StringBuilder out = new StringBuilder("mock-server: ").append(analysis.getDescription());
    if (analysis.getAction() != null && !analysis.getAction().isBlank()) {
      out.append(System.lineSeparator()).append("  ").append(analysis.getAction());
    }
    System.err.println(out);
    System.err.flush();
  }

  /** A bad fixtures file: its one line, no action (the line says what to fix). */
  public static final class BadFixtures extends AbstractFailureAnalyzer<FixtureException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FixtureException cause) {
      return new FailureAnalysis(cause.getMessage(), null, cause);
    }
  }
}
