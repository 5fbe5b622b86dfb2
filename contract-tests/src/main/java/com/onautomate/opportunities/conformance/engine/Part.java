package com.onautomate.opportunities.conformance.engine;

/**
 * The parts of a run that send requests. A part is sent only when a selected check judges what it sends (see
 * {@code Check.inputs()}), so that {@code --checks pages_partition} sends the paging scenario and not a thousand
 * generated cases.
 */
public enum Part {
  /** The examples, coverage and fuzzing phases: the generated cases of every operation. */
  GENERATED("the generated cases"),
  /** The stateful sequences along the contract's links. */
  STATEFUL("the stateful sequences"),
  /** The paging scenario. */
  PAGES("the paging scenario"),
  /** The filters scenario. */
  FILTERS("the filters scenario"),
  /** The duplicate-opportunity scenario. */
  DUPLICATES("the duplicates scenario"),
  /** The contact-identification scenario. */
  CONTACT_IDENTIFICATION("the contact-identification scenario"),
  /** The order-of-errors scenario. */
  ERROR_PRECEDENCE("the order-of-errors scenario"),
  /** The tenant-isolation scenario (with {@code --other-token}). */
  TENANT_ISOLATION("the tenant-isolation scenario");

  private final String label;

  Part(String label) {
    this.label = label;
  }

  /** The part in words, for reports. */
  public String label() {
    return label;
  }
}
