package com.onautomate.opportunities.conformance;

/**
 * The contract's decisions (a)–(k) of issue 14, each written in {@code openapi.yaml} and in {@code api/ERRATA.md}. The
 * suite's own build proves each both ways: the fault matrix injects a behaviour the decision forbids and expects it
 * caught; the mock server, and where the decision allows a range the tolerance matrix, show that every allowed
 * behaviour passes.
 *
 * @param errata the row of {@code api/ERRATA.md}
 * @param range whether the decision allows more than one behaviour (then a tolerance variation shows the ones the
 *     mock server does not)
 */
public enum ContractDecision {
  A_NULL_OR_EMPTY_IDENTIFIER(27, true, "null contactId/email/phone is not given; \"\" is refused 422 under it"),
  B_SHARED_PHONE(28, false, "a phone several contacts share finds the one created first"),
  C_CASE_AND_TAGS(29, false, "case-insensitive is lower-casing letter for letter; tags compare exactly"),
  D_ORDER_OF_ERRORS(30, true, "401 first (413 may come before it), 413, 415, 400, then 404 or 422, duplicate last"),
  E_EMPTY_BODY_OTHER_TYPE(31, true, "an empty body of another media type is 400 or 415"),
  F_PREV_PAGE_PAST_THE_END(32, true, "prevPage past the end is null or the page minus one"),
  G_NEXT_PAGE_URL(33, true, "nextPageUrl absolute under the public base URL, or relative to it; any encoding"),
  H_NULL_ON_UPDATE(34, false, "null for an optional field of an update keeps its value"),
  I_MONETARY_VALUES(35, true, "monetary values are not rounded; any JSON spelling of the number"),
  J_EMPTY_ANSWER_CONTENT_TYPE(36, true, "the empty 200 answers may carry a Content-Type or none"),
  K_METHOD_NOT_ALLOWED(37, true, "undocumented methods are 405 with an Allow header, in any spelling");

  private final int errata;
  private final boolean range;
  private final String summary;

  ContractDecision(int errata, boolean range, String summary) {
    this.errata = errata;
    this.range = range;
    this.summary = summary;
  }

  public int errata() {
    return errata;
  }

  public boolean range() {
    return range;
  }

  public String summary() {
    return summary;
  }

  /** The decision's letter, as issue 14 names it. */
  public char letter() {
    return (char) ('a' + ordinal());
  }
}
