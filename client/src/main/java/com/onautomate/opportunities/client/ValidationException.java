package com.onautomate.opportunities.client;

import com.onautomate.opportunities.client.model.FieldError;
import java.util.Map;

/**
 * 422 Unprocessable Entity: the request was read but some fields break a rule.
 *
 * <p>{@link #fieldErrors()} has one entry per offending field, keyed by the field's name
 * ({@code title}, {@code stageId}, an array item as {@code tags.2}, a query parameter by its
 * name, and {@code "contactId or email"} when no contact was identified). Each entry has a
 * message for people and a rule for programs: {@code required}, {@code invalid},
 * {@code string}, {@code numeric}, {@code integer}, {@code array}, {@code email}, {@code min}
 * or {@code max}.
 *
 * <pre>{@code
 * try {
 *   client.createOpportunity(pipelineId, request);
 * } catch (ValidationException e) {
 *   FieldError stage = e.fieldErrors().get("stageId"); // null when stageId was fine
 * }
 * }</pre>
 */
public final class ValidationException extends OpportunitiesServiceException {
  private static final long serialVersionUID = 1L;

  /** Field name to its error. */
  private final Map<String, FieldError> fieldErrors;

  ValidationException(ErrorResponse response) {
    super(response);
    this.fieldErrors = response.fieldErrors();
  }

  /**
   * The offending fields, in the order the server listed them.
   *
   * @return an unmodifiable map of field name to its error; empty only when the body was not
   *     the documented field map
   */
  public Map<String, FieldError> fieldErrors() {
    return fieldErrors;
  }
}
