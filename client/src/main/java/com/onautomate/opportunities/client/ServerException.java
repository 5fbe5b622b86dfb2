package com.onautomate.opportunities.client;

/**
 * A 5xx status: the server failed. A 503 is retried on idempotent calls (GET, PUT, DELETE) as the
 * {@link RetryPolicy} allows; this is thrown when it gives up.
 */
public final class ServerException extends OpportunitiesServiceException {
  private static final long serialVersionUID = 1L;

  ServerException(ErrorResponse response) {
    super(response);
  }
}
