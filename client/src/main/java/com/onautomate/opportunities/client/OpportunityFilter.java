package com.onautomate.opportunities.client;

import com.onautomate.opportunities.client.model.OpportunityStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which opportunities {@link OpportunitiesClient#listOpportunities list} returns, and which page.
 *
 * <pre>{@code
 * OpportunityFilter openTesla = OpportunityFilter.builder()
 *     .status(OpportunityStatus.OPEN)
 *     .companyName("tesla")     // case-insensitive substring
 *     .tags("vip", "solar")     // contacts with both tags
 *     .limit(100)
 *     .build();
 * }</pre>
 *
 * <p>Every filter is optional and they combine with AND. {@code title}, {@code name} and
 * {@code companyName} match a case-insensitive substring; {@code email} the whole address,
 * case-insensitive; {@code tags} contacts that have every tag given; the others match exactly.
 * {@link #none()} lists everything. Immutable.
 */
public final class OpportunityFilter {
  private static final OpportunityFilter NONE = builder().build();

  private final @Nullable Integer page;
  private final @Nullable Integer limit;
  private final @Nullable String title;
  private final @Nullable String stageId;
  private final @Nullable OpportunityStatus status;
  private final @Nullable Double monetaryValue;
  private final @Nullable String assignedTo;
  private final @Nullable String contactId;
  private final @Nullable String email;
  private final @Nullable String name;
  private final @Nullable String phone;
  private final List<String> tags;
  private final @Nullable String companyName;

  private OpportunityFilter(Builder b) {
    this.page = b.page;
    this.limit = b.limit;
    this.title = b.title;
    this.stageId = b.stageId;
    this.status = b.status;
    this.monetaryValue = b.monetaryValue;
    this.assignedTo = b.assignedTo;
    this.contactId = b.contactId;
    this.email = b.email;
    this.name = b.name;
    this.phone = b.phone;
    this.tags = List.copyOf(b.tags);
    this.companyName = b.companyName;
  }

  /**
   * No filter: every opportunity of the pipeline, from page 1, 20 per page.
   *
   * @return the empty filter
   */
  public static OpportunityFilter none() {
    return NONE;
  }

  /**
   * A builder with no filter set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this filter's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.page = page;
    b.limit = limit;
    b.title = title;
    b.stageId = stageId;
    b.status = status;
    b.monetaryValue = monetaryValue;
    b.assignedTo = assignedTo;
    b.contactId = contactId;
    b.email = email;
    b.name = name;
    b.phone = phone;
    b.tags.addAll(tags);
    b.companyName = companyName;
    return b;
  }

  /** The same filter on another page. */
  OpportunityFilter withPage(int page) {
    return toBuilder().page(page).build();
  }

  /**
   * The page asked for; empty means page 1.
   *
   * @return the page number, or null when not set
   */
  public @Nullable Integer page() {
    return page;
  }

  /**
   * The page size asked for; empty means the server's default of 20.
   *
   * @return the page size, or null when not set
   */
  public @Nullable Integer limit() {
    return limit;
  }

  /**
   * The title filter (case-insensitive substring).
   *
   * @return the value, or null when not set
   */
  public @Nullable String title() {
    return title;
  }

  /**
   * The stage filter.
   *
   * @return the value, or null when not set
   */
  public @Nullable String stageId() {
    return stageId;
  }

  /**
   * The status filter.
   *
   * @return the value, or null when not set
   */
  public @Nullable OpportunityStatus status() {
    return status;
  }

  /**
   * The exact-value filter.
   *
   * @return the value, or null when not set
   */
  public @Nullable Double monetaryValue() {
    return monetaryValue;
  }

  /**
   * The assignee filter.
   *
   * @return the value, or null when not set
   */
  public @Nullable String assignedTo() {
    return assignedTo;
  }

  /**
   * The contact filter.
   *
   * @return the value, or null when not set
   */
  public @Nullable String contactId() {
    return contactId;
  }

  /**
   * The contact email filter (whole address, case-insensitive).
   *
   * @return the value, or null when not set
   */
  public @Nullable String email() {
    return email;
  }

  /**
   * The contact name filter (case-insensitive substring).
   *
   * @return the value, or null when not set
   */
  public @Nullable String name() {
    return name;
  }

  /**
   * The contact phone filter.
   *
   * @return the value, or null when not set
   */
  public @Nullable String phone() {
    return phone;
  }

  /**
   * The tags filter (contacts with every one of these tags).
   *
   * @return the tags, or null (not an empty list) when none is set
   */
  public @Nullable List<String> tags() {
    return tags.isEmpty() ? null : tags;
  }

  /**
   * The contact company filter (case-insensitive substring).
   *
   * @return the value, or null when not set
   */
  public @Nullable String companyName() {
    return companyName;
  }

  /**
   * Filters are equal when every filter, the page and the limit are.
   *
   * @param o another object
   * @return whether it is an equal filter
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof OpportunityFilter other && values().equals(other.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  private List<@Nullable Object> values() {
    return java.util.Arrays.asList(page, limit, title, stageId, status, monetaryValue, assignedTo, contactId, email,
        name, phone, tags, companyName);
  }

  @Override
  public String toString() {
    return "OpportunityFilter{page=" + page + ", limit=" + limit + ", title=" + title + ", stageId=" + stageId
        + ", status=" + status + ", monetaryValue=" + monetaryValue + ", assignedTo=" + assignedTo
        + ", contactId=" + contactId + ", email=" + email + ", name=" + name + ", phone=" + phone
        + ", tags=" + tags + ", companyName=" + companyName + '}';
  }

  /** A fluent builder of {@link OpportunityFilter}; not thread-safe. */
  public static final class Builder {
    private @Nullable Integer page;
    private @Nullable Integer limit;
    private @Nullable String title;
    private @Nullable String stageId;
    private @Nullable OpportunityStatus status;
    private @Nullable Double monetaryValue;
    private @Nullable String assignedTo;
    private @Nullable String contactId;
    private @Nullable String email;
    private @Nullable String name;
    private @Nullable String phone;
    private final List<String> tags = new ArrayList<>();
    private @Nullable String companyName;

    private Builder() {}

    /**
     * The page to list (default 1). Auto-pagination starts from this page.
     *
     * @param page 1 or more
     * @return this builder
     */
    public Builder page(int page) {
      if (page < 1) {
        throw new IllegalArgumentException("page must be 1 or more: " + page);
      }
      this.page = page;
      return this;
    }

    /**
     * Opportunities per page (default 20).
     *
     * @param limit 1 to 100
     * @return this builder
     */
    public Builder limit(int limit) {
      if (limit < 1 || limit > 100) {
        throw new IllegalArgumentException("limit must be 1 to 100: " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Only opportunities whose title contains this text, case-insensitive.
     *
     * @param title the text, or null for no title filter
     * @return this builder
     */
    public Builder title(@Nullable String title) {
      this.title = title;
      return this;
    }

    /**
     * Only opportunities in this stage.
     *
     * @param stageId a stage id, or null for any stage
     * @return this builder
     */
    public Builder stageId(@Nullable String stageId) {
      this.stageId = stageId;
      return this;
    }

    /**
     * Only opportunities with this status.
     *
     * @param status a status, or null for any status
     * @return this builder
     */
    public Builder status(@Nullable OpportunityStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Only opportunities with exactly this value.
     *
     * @param monetaryValue a value, or null for any value
     * @return this builder
     */
    public Builder monetaryValue(@Nullable Double monetaryValue) {
      this.monetaryValue = monetaryValue;
      return this;
    }

    /**
     * Only opportunities assigned to this user.
     *
     * @param assignedTo a user id, or null for anyone
     * @return this builder
     */
    public Builder assignedTo(@Nullable String assignedTo) {
      this.assignedTo = assignedTo;
      return this;
    }

    /**
     * Only opportunities of this contact.
     *
     * @param contactId a contact id, or null for any contact
     * @return this builder
     */
    public Builder contactId(@Nullable String contactId) {
      this.contactId = contactId;
      return this;
    }

    /**
     * Only opportunities whose contact has this email address (whole address, case-insensitive).
     *
     * @param email an address, or null for any
     * @return this builder
     */
    public Builder email(@Nullable String email) {
      this.email = email;
      return this;
    }

    /**
     * Only opportunities whose contact's name contains this text, case-insensitive.
     *
     * @param name the text, or null for any name
     * @return this builder
     */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /**
     * Only opportunities whose contact has exactly this phone.
     *
     * @param phone a phone, or null for any
     * @return this builder
     */
    public Builder phone(@Nullable String phone) {
      this.phone = phone;
      return this;
    }

    /**
     * Only opportunities whose contact has every one of these tags. Adds to the tags given
     * before; sent as one {@code tags} parameter per tag.
     *
     * @param tags the tags
     * @return this builder
     */
    public Builder tags(String... tags) {
      for (String tag : tags) {
        this.tags.add(Objects.requireNonNull(tag, "tag == null"));
      }
      return this;
    }

    /**
     * Only opportunities whose contact's company name contains this text, case-insensitive.
     *
     * @param companyName the text, or null for any company
     * @return this builder
     */
    public Builder companyName(@Nullable String companyName) {
      this.companyName = companyName;
      return this;
    }

    /**
     * The filter.
     *
     * @return a new, immutable filter
     */
    public OpportunityFilter build() {
      return new OpportunityFilter(this);
    }
  }
}
