package com.onautomate.opportunities.client;

/**
 * 400 Bad Request: the request could not be read (a body that is not JSON, not an object, or
 * missing), or, on create and update, the contact already has an opportunity in a pipeline that does
 * not allow duplicates (`Can not create duplicate opportunity for the contact.`).
 */
public final class BadRequestException extends OpportunitiesServiceException {
  private static final long serialVersionUID = 1L;

  BadRequestException(ErrorResponse response) {
    super(response);
  }
}
