package com.onautomate.opportunities.client;

/**
 * 401 Unauthorized: the token is missing, malformed or unknown.
 */
public final class UnauthorizedException extends OpportunitiesServiceException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(ErrorResponse response) {
    super(response);
  }
}
