package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.semantic.ContactIdentificationRule;
import com.onautomate.opportunities.conformance.semantic.CreatedOpportunityReadsBack;
import com.onautomate.opportunities.conformance.semantic.DeleteRemoves;
import com.onautomate.opportunities.conformance.semantic.DuplicateOpportunityRule;
import com.onautomate.opportunities.conformance.semantic.ErrorBodyShape;
import com.onautomate.opportunities.conformance.semantic.ErrorPrecedence;
import com.onautomate.opportunities.conformance.semantic.FiltersMatch;
import com.onautomate.opportunities.conformance.semantic.PagesPartition;
import com.onautomate.opportunities.conformance.semantic.StatusChangePersists;
import com.onautomate.opportunities.conformance.semantic.TenantIsolation;
import com.onautomate.opportunities.conformance.semantic.UpdatePersists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered name → check map: Schemathesis's checks first, then the contract's own rules.
 *
 * <pre>{@code List<Check> checks = CheckRegistry.select(List.of("not_a_server_error"), List.of(), false);}</pre>
 */
public final class CheckRegistry {
  private static final Map<String, Check> CHECKS = new LinkedHashMap<>();

  static {
    for (Check c : List.of(
        new NotAServerError(), new StatusCodeConformance(), new ContentTypeConformance(),
        new ResponseHeadersConformance(), new ResponseSchemaConformance(), new NegativeDataRejection(),
        new PositiveDataAcceptance(), new MissingRequiredHeader(), new UnsupportedMethod(),
        new AllowHeaderConformance(), new IgnoredAuth(), new UseAfterFree(), new EnsureResourceAvailability(),
        new MaxResponseTime(),
        new CreatedOpportunityReadsBack(), new UpdatePersists(), new StatusChangePersists(), new DeleteRemoves(),
        new PagesPartition(), new FiltersMatch(), new DuplicateOpportunityRule(), new ContactIdentificationRule(),
        new TenantIsolation(), new ErrorBodyShape(), new ErrorPrecedence())) {
      CHECKS.put(c.name(), c);
    }
  }

  private CheckRegistry() {
  }

  public static Collection<Check> all() {
    return CHECKS.values();
  }

  public static List<String> names() {
    return new ArrayList<>(CHECKS.keySet());
  }

  /** Fails with the list of valid names when a name is unknown. */
  public static void requireKnown(Collection<String> names, String where) {
    for (String n : names) {
      if (!CHECKS.containsKey(n)) {
        throw new IllegalArgumentException("unknown check '" + n + "' in " + where + "; valid checks: "
            + String.join(", ", CHECKS.keySet()));
      }
    }
  }

  /**
   * The checks to run, in registry order.
   *
   * @param only names from {@code --checks} (empty: every check enabled by default)
   * @param disabled names from {@code --exclude-checks} and {@code enabled = false}
   * @param enabled names explicitly enabled (e.g. max_response_time when a limit is given)
   */
  public static List<Check> select(Collection<String> only, Collection<String> disabled, Collection<String> enabled) {
    requireKnown(only, "--checks");
    requireKnown(disabled, "--exclude-checks");
    requireKnown(enabled, "the configuration");
    List<Check> out = new ArrayList<>();
    for (Check c : CHECKS.values()) {
      boolean on = only.isEmpty() ? c.enabledByDefault() || enabled.contains(c.name())
          : only.contains(c.name()) || (c.name().equals("max_response_time") && enabled.contains(c.name()));
      if (on && !disabled.contains(c.name())) {
        out.add(c);
      }
    }
    return out;
  }
}
