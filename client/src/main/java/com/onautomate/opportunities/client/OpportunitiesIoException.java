package com.onautomate.opportunities.client;

import java.io.IOException;
import java.util.Objects;

/**
 * The server could not be reached, the connection failed or timed out, or its answer could not
 * be read (for example a success status with a body that is not the documented JSON).
 *
 * <p>The cause is the underlying {@link IOException}. Such failures are never retried: whether
 * the request reached the server is unknown.
 */
public final class OpportunitiesIoException extends OpportunitiesException {
  private static final long serialVersionUID = 1L;

  OpportunitiesIoException(String message, IOException cause) {
    super(message, cause);
  }

  /**
   * The I/O failure underneath.
   *
   * @return the cause, never null
   */
  @Override
  public synchronized IOException getCause() {
    // Never null: the only constructor takes the cause, and a cause cannot be replaced once set.
    return (IOException) Objects.requireNonNull(super.getCause(), "cause");
  }
}
