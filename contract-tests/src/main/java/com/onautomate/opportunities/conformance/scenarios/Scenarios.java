package com.onautomate.opportunities.conformance.scenarios;

import com.onautomate.opportunities.conformance.engine.Session;

/**
 * The contract's own rules, each exercised by a scenario with fixtures it creates through the API itself: paging,
 * filters, duplicates, contact identification and (with {@code --other-token}) tenant isolation.
 *
 * <pre>{@code new Scenarios(session).runAll(fixtureId);}</pre>
 */
public final class Scenarios {
  private final Session session;

  public Scenarios(Session session) {
    this.session = session;
  }

  /** Runs every scenario in turn; {@code fixture} is an opportunity they may read and change but not delete. */
  public void runAll(String fixture) {
    new PagesScenario(session).run();
    new FiltersScenario(session).run();
    new DuplicatesScenario(session).run();
    new ContactIdentificationScenario(session).run(fixture);
    if (session.options().otherToken() != null) {
      new TenantIsolationScenario(session).run(fixture);
    }
  }
}
