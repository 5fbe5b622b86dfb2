package com.example.conformance;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.checks.CheckSettings;
import com.onautomate.opportunities.conformance.engine.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Catches an answer that shows the server's internals to the client: a stack frame, an exception's class name, a
 * database error. A team's security rule that no contract states, as a custom check.
 *
 * <pre>{@code
 * [checks.no_leaked_internals]
 * patterns = ["db-[0-9]+\\.internal"]   # more of what must never reach a client, as Java regexes
 * }</pre>
 */
public final class NoLeakedInternals implements Check {
  /** Always looked for: what Java, Spring, JDBC and Python servers print when they fail. */
  static final List<String> BUILT_IN = List.of(
      "\\bat (java|javax|jakarta|org|com|io|net)\\.[\\w$.]+\\([\\w$]+\\.(java|kt):\\d+\\)",
      "\\b(java|javax|jakarta|org\\.springframework|org\\.hibernate)\\.[\\w.]*(Exception|Error)\\b",
      "\\bSQLSTATE\\b|\\bORA-\\d{5}\\b|\\bPSQLException\\b",
      "Traceback \\(most recent call last\\)");

  private final List<Pattern> patterns;

  /** With the built-in patterns only (ServiceLoader's constructor). */
  public NoLeakedInternals() {
    this(compile(BUILT_IN));
  }

  private NoLeakedInternals(List<Pattern> patterns) {
    this.patterns = patterns;
  }

  @Override
  public String name() {
    return "no_leaked_internals";
  }

  /** The built-in patterns and those of {@code patterns = [...]}; a pattern that is not a regex stops the run. */
  @Override
  public Check configured(CheckSettings settings) {
    List<String> all = new ArrayList<>(BUILT_IN);
    all.addAll(settings.strings("patterns", List.of()));
    return new NoLeakedInternals(compile(all));
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    String body = exchange.response().body();
    for (Pattern p : patterns) {
      Matcher m = p.matcher(body);
      if (m.find()) {
        return CheckResult.fail("Server internals in an answer", "'" + m.group() + "' in a "
            + exchange.response().status() + " answer", "no text matching " + p.pattern());
      }
    }
    return CheckResult.pass();
  }

  private static List<Pattern> compile(List<String> regexes) {
    List<Pattern> out = new ArrayList<>();
    for (String r : regexes) {
      try {
        out.add(Pattern.compile(r));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("patterns: '" + r + "' is not a regular expression ("
            + e.getDescription() + ")", e);
      }
    }
    return List.copyOf(out);
  }
}
