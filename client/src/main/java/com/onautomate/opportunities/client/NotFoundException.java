package com.onautomate.opportunities.client;

/**
 * 404 Not Found: the pipeline or the opportunity does not exist, was deleted, or belongs to another location.
 */
public final class NotFoundException extends OpportunitiesServiceException {
  private static final long serialVersionUID = 1L;

  NotFoundException(ErrorResponse response) {
    super(response);
  }
}
