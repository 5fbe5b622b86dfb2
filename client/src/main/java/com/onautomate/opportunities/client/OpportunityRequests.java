package com.onautomate.opportunities.client;

import com.onautomate.opportunities.client.model.Opportunity;
import com.onautomate.opportunities.client.model.OpportunityRequest;
import com.onautomate.opportunities.client.model.OpportunityStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the body of {@link OpportunitiesClient#createOpportunity create} and
 * {@link OpportunitiesClient#updateOpportunity update}.
 *
 * <pre>{@code
 * OpportunityRequest request = OpportunityRequests.builder()
 *     .title("Solar roof")
 *     .status(OpportunityStatus.OPEN)
 *     .stageId("7915dedc-8f18-44d5-8bc3-77c04e994a10")
 *     .email("elon@musk.com")            // or contactId(...), or phone(...)
 *     .name("Elon Musk")
 *     .tags("solar", "vip")
 *     .monetaryValue(5000)
 *     .build();
 * }</pre>
 *
 * <p>{@code title}, {@code status} and {@code stageId} are required, and {@link Builder#build()}
 * fails without them. The contact is identified on the server by {@code contactId}, else
 * {@code email}, else {@code phone}; the server answers a request with none of them with a
 * {@link ValidationException} keyed {@code "contactId or email"}. Fields left unset are not
 * sent, so an update keeps the opportunity's {@code assignedTo}, {@code monetaryValue} and
 * {@code source}.
 */
public final class OpportunityRequests {
  private OpportunityRequests() {}

  /**
   * An empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding an opportunity's current values, to change a few of them and
   * {@linkplain OpportunitiesClient#updateOpportunity update} it: title, status, stage,
   * contact (by id), assignee, value and source.
   *
   * @param opportunity an opportunity as read from the server
   * @return a new builder
   */
  public static Builder from(Opportunity opportunity) {
    Objects.requireNonNull(opportunity, "opportunity == null");
    Builder builder = new Builder();
    builder.title = opportunity.getName();
    builder.status = opportunity.getStatus();
    builder.stageId = opportunity.getPipelineStageId();
    if (opportunity.getContact() != null) {
      builder.contactId = opportunity.getContact().getId();
    }
    builder.assignedTo = opportunity.getAssignedTo();
    builder.monetaryValue = opportunity.getMonetaryValue();
    builder.source = opportunity.getSource();
    return builder;
  }

  /** A fluent builder of {@link OpportunityRequest}; not thread-safe. */
  public static final class Builder {
    private @Nullable String title;
    private @Nullable OpportunityStatus status;
    private @Nullable String stageId;
    private @Nullable String contactId;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable String name;
    private @Nullable String companyName;
    private final List<String> tags = new ArrayList<>();
    private @Nullable String assignedTo;
    private @Nullable Double monetaryValue;
    private @Nullable String source;

    private Builder() {}

    /**
     * The opportunity's title (returned as {@code name}). Required.
     *
     * @param title 1 to 255 characters
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title == null");
      return this;
    }

    /**
     * The opportunity's status. Required.
     *
     * @param status the status
     * @return this builder
     */
    public Builder status(OpportunityStatus status) {
      this.status = Objects.requireNonNull(status, "status == null");
      return this;
    }

    /**
     * The stage of the pipeline it is in (returned as {@code pipelineStageId}). Required.
     *
     * @param stageId a stage id of the pipeline in the path
     * @return this builder
     */
    public Builder stageId(String stageId) {
      this.stageId = Objects.requireNonNull(stageId, "stageId == null");
      return this;
    }

    /**
     * An existing contact of the location; when set, it identifies the contact.
     *
     * @param contactId the contact id, or null to clear it
     * @return this builder
     */
    public Builder contactId(@Nullable String contactId) {
      this.contactId = contactId;
      return this;
    }

    /**
     * The contact's email: without a contact id, the contact with this address is used, or
     * created.
     *
     * @param email an email address, or null to clear it
     * @return this builder
     */
    public Builder email(@Nullable String email) {
      this.email = email;
      return this;
    }

    /**
     * The contact's phone: without a contact id and an email, the contact with this phone is
     * used, or created.
     *
     * @param phone a phone number, or null to clear it
     * @return this builder
     */
    public Builder phone(@Nullable String phone) {
      this.phone = phone;
      return this;
    }

    /**
     * The contact's name; replaces the contact's name.
     *
     * @param name the name, or null to leave the contact's as it is
     * @return this builder
     */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /**
     * The contact's company name; replaces the contact's company name.
     *
     * @param companyName the company name, or null to leave the contact's as it is
     * @return this builder
     */
    public Builder companyName(@Nullable String companyName) {
      this.companyName = companyName;
      return this;
    }

    /**
     * Tags added to the contact's tags (tags it already has are not repeated). Adds to the
     * tags given before.
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
     * The id of the user the opportunity is assigned to.
     *
     * @param assignedTo a user id, or null to leave it unchanged on update
     * @return this builder
     */
    public Builder assignedTo(@Nullable String assignedTo) {
      this.assignedTo = assignedTo;
      return this;
    }

    /**
     * The opportunity's value.
     *
     * @param monetaryValue 0 to 10<sup>12</sup>, or null to leave it unchanged on update
     * @return this builder
     */
    public Builder monetaryValue(@Nullable Double monetaryValue) {
      this.monetaryValue = monetaryValue;
      return this;
    }

    /**
     * The opportunity's value.
     *
     * @param monetaryValue 0 to 10<sup>12</sup>
     * @return this builder
     */
    public Builder monetaryValue(double monetaryValue) {
      this.monetaryValue = monetaryValue;
      return this;
    }

    /**
     * Where the opportunity came from.
     *
     * @param source 1 to 255 characters, or null to leave it unchanged on update
     * @return this builder
     */
    public Builder source(@Nullable String source) {
      this.source = source;
      return this;
    }

    /**
     * The request body.
     *
     * @return a new request; later changes to this builder do not affect it
     * @throws IllegalStateException when title, status or stageId is missing
     */
    public OpportunityRequest build() {
      if (title == null) {
        throw new IllegalStateException("title required.");
      }
      if (status == null) {
        throw new IllegalStateException("status required.");
      }
      if (stageId == null) {
        throw new IllegalStateException("stageId required.");
      }
      return new OpportunityRequest()
          .title(title)
          .status(status)
          .stageId(stageId)
          .contactId(contactId)
          .email(email)
          .phone(phone)
          .name(name)
          .companyName(companyName)
          .tags(tags.isEmpty() ? null : new ArrayList<>(tags))
          .assignedTo(assignedTo)
          .monetaryValue(monetaryValue)
          .source(source);
    }
  }
}
