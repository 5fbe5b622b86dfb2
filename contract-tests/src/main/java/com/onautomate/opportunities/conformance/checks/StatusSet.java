package com.onautomate.opportunities.conformance.checks;

import java.util.List;

/** A list of expected statuses as Schemathesis writes them: {@code "404"}, {@code "4xx"}. */
public record StatusSet(List<String> patterns) {

  public StatusSet {
    for (String p : patterns) {
      if (!p.matches("[1-5]([0-9]{2}|[xX]{2})")) {
        throw new IllegalArgumentException("invalid expected status '" + p + "' (use e.g. 404 or 4xx)");
      }
    }
    patterns = List.copyOf(patterns);
  }

  public static StatusSet of(String... patterns) {
    return new StatusSet(List.of(patterns));
  }

  public boolean contains(int status) {
    String s = Integer.toString(status);
    for (String p : patterns) {
      if (p.equals(s) || (p.substring(1).equalsIgnoreCase("xx") && p.charAt(0) == s.charAt(0))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return String.join(", ", patterns);
  }
}
