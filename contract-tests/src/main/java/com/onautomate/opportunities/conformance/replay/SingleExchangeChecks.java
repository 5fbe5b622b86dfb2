package com.onautomate.opportunities.conformance.replay;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.engine.Part;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which checks can judge one exchange taken out of its run — a replayed request, or live traffic through the proxy —
 * and why the others cannot.
 *
 * <p>The rule: a check judges one exchange alone when it judges the generated cases ({@link Part#GENERATED} among its
 * {@link Check#inputs() inputs}), since each generated case is sent and judged on its own: the status, media type,
 * headers and schema of any answer, the data-acceptance checks (a valid request accepted, an invalid one refused), the
 * missing or ignored credentials, undocumented methods and {@code Allow}, an answer to a create or update that must
 * echo what was sent, a delete's empty answer, the error body's shape, the response time. A check that judges only
 * the steps of a stateful sequence or one of the contract's scenarios (a read after a create, the pages of a walk,
 * filtered lists, duplicates, another location's token, the order of errors) needs the exchanges before it, which a
 * single exchange does not have.
 */
public final class SingleExchangeChecks {
  private SingleExchangeChecks() {
  }

  /**
   * The checks that can judge one exchange alone, and why each other one cannot.
   *
   * @param judged the checks to run on each exchange, in the given order
   * @param notJudged check name to why it is not run
   */
  public record Selection(List<Check> judged, Map<String, String> notJudged) {
  }

  public static Selection select(Collection<Check> checks) {
    List<Check> judged = new ArrayList<>();
    Map<String, String> not = new LinkedHashMap<>();
    for (Check c : checks) {
      if (judgesAlone(c)) {
        judged.add(c);
      } else {
        not.put(c.name(), whyNot(c));
      }
    }
    return new Selection(judged, not);
  }

  public static boolean judgesAlone(Check c) {
    return c.inputs().parts().contains(Part.GENERATED);
  }

  /** "judges filtered lists, sent by the filters scenario: it needs the exchanges before them". */
  static String whyNot(Check c) {
    List<String> parts = c.inputs().parts().stream().sorted().map(Part::label).toList();
    return "judges " + c.inputs().description() + ", sent by " + String.join(" and ", parts)
        + ": it needs the exchanges before them, which one exchange does not have";
  }
}
