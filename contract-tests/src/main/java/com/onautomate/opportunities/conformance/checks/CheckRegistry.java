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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered name → check map: Schemathesis's checks first, then the contract's own rules, then the custom checks
 * found on the class path and in the jars given ({@code --checks-from}), in that order. A name given twice is an
 * error: a custom check cannot replace a built-in one or another custom one.
 *
 * <pre>{@code
 * CheckRegistry registry = CheckRegistry.discover(List.of(Path.of("my-checks.jar")));
 * List<Check> checks = registry.select(List.of("not_a_server_error", "request_id_header"), List.of(), List.of());
 * }</pre>
 */
public final class CheckRegistry {
  private static final CheckRegistry BUILT_IN = new CheckRegistry(new LinkedHashMap<>(), new LinkedHashMap<>())
      .with(List.of(
          new NotAServerError(), new StatusCodeConformance(), new ContentTypeConformance(),
          new ResponseHeadersConformance(), new ResponseSchemaConformance(), new NegativeDataRejection(),
          new PositiveDataAcceptance(), new MissingRequiredHeader(), new UnsupportedMethod(),
          new AllowHeaderConformance(), new IgnoredAuth(), new UseAfterFree(), new EnsureResourceAvailability(),
          new MaxResponseTime(),
          new CreatedOpportunityReadsBack(), new UpdatePersists(), new StatusChangePersists(), new DeleteRemoves(),
          new PagesPartition(), new FiltersMatch(), new DuplicateOpportunityRule(), new ContactIdentificationRule(),
          new TenantIsolation(), new ErrorBodyShape(), new ErrorPrecedence()), "built-in");

  private final Map<String, Check> checks;
  private final Map<String, String> origins;

  private CheckRegistry(Map<String, Check> checks, Map<String, String> origins) {
    this.checks = checks;
    this.origins = origins;
  }

  /** The built-in checks alone. */
  public static CheckRegistry builtIn() {
    return BUILT_IN;
  }

  /**
   * The built-in checks, then the custom checks that {@link java.util.ServiceLoader} finds on the class path (the
   * thread's context class loader), then those of each jar in {@code jars}.
   *
   * @throws IllegalArgumentException in one line: a jar missing, unreadable or without checks, a check class that
   *     cannot be loaded, or a name that is invalid or clashes with another check's
   */
  public static CheckRegistry discover(List<Path> jars) {
    CheckRegistry registry = BUILT_IN;
    for (CheckLoader.Found found : CheckLoader.fromClassPath()) {
      registry = registry.with(List.of(found.check()), found.origin());
    }
    for (Path jar : jars) {
      for (CheckLoader.Found found : CheckLoader.fromJar(jar)) {
        registry = registry.with(List.of(found.check()), found.origin());
      }
    }
    return registry;
  }

  /**
   * This registry and {@code more} after its checks (e.g. checks given as objects to the JUnit API).
   *
   * @param origin where they come from, for messages ("the class path", "my-checks.jar")
   * @throws IllegalArgumentException when a name is invalid or already taken
   */
  public CheckRegistry with(Collection<? extends Check> more, String origin) {
    Map<String, Check> all = new LinkedHashMap<>(checks);
    Map<String, String> from = new LinkedHashMap<>(origins);
    for (Check c : more) {
      String name = nameOf(c, origin);
      String what = c.getClass().getName() + " (" + origin + ")";
      if (!name.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException("the check " + what + " is named '" + name
            + "'; use letters, digits, _ and - only");
      }
      if (all.containsKey(name)) {
        throw new IllegalArgumentException("the check " + what + " is named '" + name + "', as the "
            + (from.get(name).equals("built-in") ? "built-in check" : "check " + all.get(name).getClass().getName()
            + " (" + from.get(name) + ")") + "; give it another name");
      }
      all.put(name, c);
      from.put(name, origin);
    }
    return new CheckRegistry(all, from);
  }

  private static String nameOf(Check c, String origin) {
    try {
      String name = c.name();
      return name == null ? "null" : name;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the check " + c.getClass().getName() + " (" + origin + ") failed to say its "
          + "name: " + e);
    }
  }

  public Collection<Check> all() {
    return Collections.unmodifiableCollection(checks.values());
  }

  public List<String> names() {
    return new ArrayList<>(checks.keySet());
  }

  /** Where a check comes from: {@code built-in}, {@code the class path} or the jar's path; null when unknown. */
  public String origin(String name) {
    return origins.get(name);
  }

  /** Fails with the list of valid names when a name is unknown. */
  public void requireKnown(Collection<String> names, String where) {
    for (String n : names) {
      if (!checks.containsKey(n)) {
        throw new IllegalArgumentException("unknown check '" + n + "' in " + where + "; valid checks: "
            + String.join(", ", checks.keySet()));
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
  public List<Check> select(Collection<String> only, Collection<String> disabled, Collection<String> enabled) {
    requireKnown(only, "--checks");
    requireKnown(disabled, "--exclude-checks");
    requireKnown(enabled, "the configuration");
    List<Check> out = new ArrayList<>();
    for (Check c : checks.values()) {
      boolean on = only.isEmpty() ? c.enabledByDefault() || enabled.contains(c.name())
          : only.contains(c.name()) || (c.name().equals("max_response_time") && enabled.contains(c.name()));
      if (on && !disabled.contains(c.name())) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Each check configured with its settings ({@link Check#configured}); a bad setting fails in one line naming the
   * check.
   */
  public static List<Check> configure(List<Check> checks, Map<String, CheckSettings> settings) {
    List<Check> out = new ArrayList<>(checks.size());
    for (Check c : checks) {
      CheckSettings s = settings.getOrDefault(c.name(), CheckSettings.NONE);
      Check configured;
      try {
        configured = c.configured(s);
      } catch (IllegalArgumentException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        throw new IllegalArgumentException(m.startsWith("checks." + c.name()) ? m : "checks." + c.name() + ": " + m);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("checks." + c.name() + ": the check failed to read its settings " + s
            + " (" + e + ")");
      }
      if (configured == null || !c.name().equals(configured.name())) {
        throw new IllegalArgumentException("checks." + c.name() + ": configured() must return a check of the same name");
      }
      out.add(configured);
    }
    return out;
  }
}
