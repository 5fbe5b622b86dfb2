package com.onautomate.opportunities.client;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * 429 Too Many Requests: the token sent more requests than the server allows.
 *
 * <p>Idempotent calls (GET, PUT, DELETE) are retried after {@link #retryAfter()} as the
 * {@link RetryPolicy} allows; this is thrown when it gives up, and always on create (POST).
 */
public final class RateLimitException extends OpportunitiesServiceException {
  private static final long serialVersionUID = 1L;

  /** The server's Retry-After, when readable. */
  private final @Nullable Duration retryAfter;

  RateLimitException(ErrorResponse response) {
    super(response);
    this.retryAfter = response.retryAfter();
  }

  /**
   * How long the server asked to wait, from its {@code Retry-After} header (seconds, or an
   * HTTP date).
   *
   * @return the wait, or empty when the header was missing or unreadable
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
