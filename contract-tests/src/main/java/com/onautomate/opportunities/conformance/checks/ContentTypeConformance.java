package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;
import java.util.List;
import java.util.Locale;

/** Catches a missing, malformed or undocumented response Content-Type. */
public final class ContentTypeConformance implements AnswerCheck {

  @Override
  public String name() {
    return "content_type_conformance";
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.kind() == Kind.UNSUPPORTED_METHOD || exchange.kind() == Kind.OPTIONS) {
      return CheckResult.skip();
    }
    List<String> documented = exchange.operation().mediaTypes(exchange.response().status());
    if (documented.isEmpty()) {
      return CheckResult.skip();
    }
    String header = exchange.response().header("Content-Type");
    if (header == null || header.isBlank()) {
      return CheckResult.fail("Missing Content-Type header", "no Content-Type header", String.join(", ", documented));
    }
    String received = essence(header);
    if (!received.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
      return CheckResult.fail("Malformed media type", header, String.join(", ", documented));
    }
    for (String option : documented) {
      String o = essence(option);
      if (o.equals(received) || o.equals("*/*")
          || (o.endsWith("/*") && received.startsWith(o.substring(0, o.length() - 1)))) {
        return CheckResult.pass();
      }
    }
    return CheckResult.fail("Undocumented Content-Type", header, String.join(", ", documented));
  }

  private static String essence(String mediaType) {
    int semi = mediaType.indexOf(';');
    return (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }
}
