package com.onautomate.opportunities.mockserver.errors;

import org.springframework.http.HttpStatus;

/** An answer with the vendor's {@code {"msg": ...}} body and its own status. */
public final class ApiException extends RuntimeException {

  private final HttpStatus status;

  public ApiException(HttpStatus status, String msg) {
    super(msg, null, false, false);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  public String msg() {
    return getMessage();
  }

  public static ApiException notFound() {
    return new ApiException(HttpStatus.NOT_FOUND, "Not Found");
  }

  public static ApiException badRequest() {
    return new ApiException(HttpStatus.BAD_REQUEST, "Bad Request");
  }

  public static ApiException duplicateOpportunity() {
    return new ApiException(HttpStatus.BAD_REQUEST, "Can not create duplicate opportunity for the contact.");
  }
}
