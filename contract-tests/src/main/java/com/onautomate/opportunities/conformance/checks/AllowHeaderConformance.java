package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Catches an Allow header (on OPTIONS or 405) that lists other methods than the path documents. */
public final class AllowHeaderConformance implements Check {
  private static final Set<String> IGNORED = Set.of("HEAD", "OPTIONS");

  @Override
  public String name() {
    return "allow_header_conformance";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("OPTIONS requests and undocumented methods",
        e -> e.kind() == Kind.OPTIONS || e.kind() == Kind.UNSUPPORTED_METHOD, Part.GENERATED)
        .incidental("no answer to OPTIONS or 405 carried an Allow header (only a 405 must; unsupported_method judges that)");
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    boolean applies = exchange.kind() == Kind.OPTIONS
        || (exchange.kind() == Kind.UNSUPPORTED_METHOD && exchange.response().status() == 405);
    String allow = exchange.response().header("Allow");
    if (!applies || allow == null) {
      return CheckResult.skip();
    }
    TreeSet<String> received = new TreeSet<>();
    Arrays.stream(allow.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT))
        .filter(s -> !s.isEmpty() && !IGNORED.contains(s)).forEach(received::add);
    TreeSet<String> documented = new TreeSet<>(context.contract().methodsOf(exchange.operation().path()));
    if (received.equals(documented)) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Invalid Allow header", "Allow: " + allow,
        String.join(", ", documented) + " (HEAD and OPTIONS ignored)");
  }
}
