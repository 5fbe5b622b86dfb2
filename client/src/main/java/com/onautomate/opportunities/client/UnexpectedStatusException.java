package com.onautomate.opportunities.client;

/**
 * An error status that has no exception of its own: a 3xx that was not followed, a 413 (body
 * over 65536 bytes) or 415 (body not sent as JSON) that this client's requests should never
 * cause, or a status the contract does not document. {@link #serverMessage()} holds the
 * server's {@code msg} when the body had one.
 */
public final class UnexpectedStatusException extends OpportunitiesServiceException {
  private static final long serialVersionUID = 1L;

  UnexpectedStatusException(ErrorResponse response) {
    super(response);
  }
}
