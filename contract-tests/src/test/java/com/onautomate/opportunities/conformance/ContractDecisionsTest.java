package com.onautomate.opportunities.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.faults.DecisionFaults;
import com.onautomate.opportunities.conformance.tolerance.Variations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every contract decision (a)–(k) is written where users read it — the contract's descriptions and the errata — and
 * is proved both ways in this build: a fault the fault matrix must catch, and (for a decision that allows a range) a
 * tolerance variation the suite must pass.
 */
class ContractDecisionsTest {
  /** A phrase of each decision as the contract's descriptions state it. */
  private static final Map<ContractDecision, String> IN_THE_CONTRACT = new EnumMap<>(Map.ofEntries(
      Map.entry(ContractDecision.A_NULL_OR_EMPTY_IDENTIFIER, "A property sent as `null` is not given. An empty string"
          + " is given, and refused"),
      Map.entry(ContractDecision.B_SHARED_PHONE, "when several contacts share it (each found by its own email), the"
          + " one created first"),
      Map.entry(ContractDecision.C_CASE_AND_TAGS, "nothing else is folded (`ß` does not match `ss`, `é` does not"
          + " match `e`). Tags compare exactly, case included."),
      Map.entry(ContractDecision.D_ORDER_OF_ERRORS, "then `404` (the pipeline, the opportunity) and `422` (field"
          + " rules and query parameters) in either order"),
      Map.entry(ContractDecision.E_EMPTY_BODY_OTHER_TYPE, "An empty body sent with another media type may be"
          + " answered `400` (missing) instead."),
      Map.entry(ContractDecision.F_PREV_PAGE_PAST_THE_END, "On a page past the last one, `prevPage` is either `null`"
          + " or the page asked minus one."),
      Map.entry(ContractDecision.G_NEXT_PAGE_URL, "never a `Host` or forwarding header as any client sent it"),
      Map.entry(ContractDecision.H_NULL_ON_UPDATE, "left out or sent as `null` (`assignedTo`, `monetaryValue`,"
          + " `source`) keep their values: an update cannot clear them."),
      Map.entry(ContractDecision.I_MONETARY_VALUES, "Stored as sent, not rounded (to double precision)"),
      Map.entry(ContractDecision.J_EMPTY_ANSWER_CONTENT_TYPE, "The body is empty; the answer may carry a"
          + " `Content-Type`"),
      Map.entry(ContractDecision.K_METHOD_NOT_ALLOWED, "are answered `405` with an `Allow` header listing the"
          + " methods it documents")));

  private static String words(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @Test
  void everyDecisionIsInTheContractAndTheErrata() throws IOException {
    String contract = words(Suite.CONTRACT.text());
    String errata = Files.readString(Path.of("../api/ERRATA.md"));
    for (ContractDecision d : ContractDecision.values()) {
      assertThat(contract).as("(%s) in openapi.yaml", d.letter()).contains(words(IN_THE_CONTRACT.get(d)));
      assertThat(errata).as("(%s) in ERRATA.md", d.letter()).contains("\n| " + d.errata() + " | ");
    }
  }

  @Test
  void everyDecisionIsProvedBothWays() {
    for (ContractDecision d : ContractDecision.values()) {
      assertThat(DecisionFaults.forbidding(d))
          .as("faults that break (%s) %s", d.letter(), d.summary()).isPositive();
      if (d.range()) {
        assertThat(Variations.allowing(d))
            .as("variations that exercise the range (%s) allows: %s", d.letter(), d.summary()).isPositive();
      }
    }
  }
}
