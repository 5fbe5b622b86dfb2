package com.onautomate.opportunities.conformance.engine;

/**
 * What an exchange is in a stateful sequence or one of the contract's scenarios, and the {@link Facts} record it carries.
 *
 * <p>Checks that judge a step match on it ({@code exchange.step() == Step.READ_AFTER_CREATE}) and read its facts with
 * {@link Exchange#facts(Class)}; an exchange can only be made with the facts its step declares.
 */
public enum Step {
  /** A case judged on its own (examples, coverage, fuzzing, and the sequences' plain requests). */
  NONE(Facts.None.class),
  /**
   * A {@code 429} answer that was waited out as {@code Retry-After} asked; the same request was sent again and is
   * recorded once more with the answer that came then. Judged only by the checks of the answer itself.
   */
  RATE_LIMITED(Facts.None.class),
  /** An opportunity created for the generated cases or a scenario to address (and the run's preflight probes). */
  FIXTURE(Facts.None.class),
  /** The create that starts a stateful sequence. */
  CREATE(Facts.None.class),
  /** The {@code getOpportunity} the create's link leads to, right after the create. */
  READ_AFTER_CREATE(Facts.ReadAfterCreate.class),
  /** The last page of a filtered list, with every item of all its pages. */
  FILTER(Facts.Filter.class),
  /** An update of the stateful sequence, sent through the create's link. */
  UPDATE(Facts.Update.class),
  /** The read right after an {@link #UPDATE}. */
  READ_AFTER_UPDATE(Facts.ReadAfterUpdate.class),
  /** A status change of the stateful sequence, sent through the create's link. */
  STATUS_CHANGE(Facts.None.class),
  /** The read right after a {@link #STATUS_CHANGE}. */
  READ_AFTER_STATUS_CHANGE(Facts.ReadAfterStatusChange.class),
  /** The delete that ends a stateful sequence. */
  DELETE(Facts.None.class),
  /** A read, update, status change or delete of the opportunity the sequence deleted. */
  AFTER_DELETE(Facts.None.class),
  /** A list filtered on the deleted opportunity's contact. */
  LIST_AFTER_DELETE(Facts.ListAfterDelete.class),
  /** One page of a walk through every page of a query. */
  PAGE(Facts.Page.class),
  /** The page that a first page's {@code nextPageUrl} leads to. */
  NEXT_PAGE_URL(Facts.NextPageUrl.class),
  /** A create or update that would give a contact a second opportunity in a pipeline without duplicates. */
  DUPLICATE(Facts.None.class),
  /** The count of a contact's opportunities after refused duplicates. */
  DUPLICATE_COUNT(Facts.DuplicateCount.class),
  /** A create or update naming a contactId that does not exist. */
  UNKNOWN_CONTACT(Facts.None.class),
  /** A create that names only a phone that several contacts share. */
  SHARED_PHONE(Facts.SharedPhone.class),
  /** A request that breaks several rules at once, whose answer the contract's order of errors decides. */
  PRECEDENCE(Facts.Precedence.class),
  /** A request with another location's token for this location's data. */
  OTHER_TENANT(Facts.None.class),
  /** The read, with this location's token, after the other location's attempts. */
  TENANT_READBACK(Facts.TenantReadback.class);

  private final Class<? extends Facts> facts;

  Step(Class<? extends Facts> facts) {
    this.facts = facts;
  }

  /** The type of facts an exchange of this step carries. */
  public Class<? extends Facts> facts() {
    return facts;
  }
}
