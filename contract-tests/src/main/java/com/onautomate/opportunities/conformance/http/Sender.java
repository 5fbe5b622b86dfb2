package com.onautomate.opportunities.conformance.http;

/**
 * Sends one request and returns the answer as received: the one seam every request of a run goes through.
 *
 * <p>{@link Transport} sends over HTTP; {@link RateLimitedSender} wraps it with what concerns every request alike:
 * keeping under a rate limit, and waiting on {@code 429} as {@code Retry-After} says before sending again.
 */
@FunctionalInterface
public interface Sender {

  /**
   * Sends a request. Never throws for what the server does: a request without a complete answer (refused, closed
   * mid-body, too slow) gets an {@linkplain Response#unanswered unanswered} response.
   */
  Response send(Request request);
}
