package com.onautomate.opportunities.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception this client throws: catch it to handle any failure of a call.
 *
 * <p>An answer with an error status is an {@link OpportunitiesServiceException} (one subclass per
 * kind of status); a failure to reach the server or to read its answer is an
 * {@link OpportunitiesIoException}. Messages never contain the token.
 */
public abstract class OpportunitiesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OpportunitiesException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
