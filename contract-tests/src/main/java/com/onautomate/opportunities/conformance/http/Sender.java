package com.onautomate.opportunities.conformance.http;

/**
 * Sends one request and returns the answer as received: the one seam every request of a run goes through.
 *
 * <p>{@link Transport} sends over HTTP; a wrapper around it is the place for what concerns every request alike, such
 * as honouring a rate limit (waiting on {@code 429} as {@code Retry-After} says, then sending again).
 */
@FunctionalInterface
public interface Sender {

  /** Sends a request; fails with {@link TransportException} when the server cannot be reached. */
  Response send(Request request);
}
