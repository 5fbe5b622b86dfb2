package com.onautomate.opportunities.conformance.scenarios;

import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Session;
import java.util.Set;

/**
 * The contract's own rules, each exercised by a scenario with fixtures it creates through the API itself: paging,
 * filters, duplicates, contact identification, the order of errors and (with {@code --other-token}) tenant isolation.
 *
 * <pre>{@code new Scenarios(session).runAll(fixtureId, EnumSet.allOf(Part.class));}</pre>
 */
public final class Scenarios {
  private final Session session;

  public Scenarios(Session session) {
    this.session = session;
  }

  /**
   * Runs the scenarios of {@code parts} in turn; {@code fixture} is an opportunity they may read and change but not
   * delete.
   */
  public void runAll(String fixture, Set<Part> parts) {
    if (parts.contains(Part.PAGES)) {
      new PagesScenario(session).run();
    }
    if (parts.contains(Part.FILTERS)) {
      new FiltersScenario(session).run();
    }
    if (parts.contains(Part.DUPLICATES)) {
      new DuplicatesScenario(session).run();
    }
    if (parts.contains(Part.CONTACT_IDENTIFICATION)) {
      new ContactIdentificationScenario(session).run(fixture);
    }
    if (parts.contains(Part.ERROR_PRECEDENCE)) {
      new ErrorPrecedenceScenario(session).run(fixture);
    }
    if (parts.contains(Part.TENANT_ISOLATION)) {
      if (session.options().otherToken() != null) {
        new TenantIsolationScenario(session).run(fixture);
      } else {
        session.recorder().notEnabled(Part.TENANT_ISOLATION, "needs --other-token, a token of another location");
      }
    }
  }
}
