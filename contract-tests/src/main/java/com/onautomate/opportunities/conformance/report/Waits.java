package com.onautomate.opportunities.conformance.report;

/**
 * The run's waits on {@code 429} answers, as {@code Retry-After} asked.
 *
 * @param waits how many times the suite waited and sent a request again
 * @param seconds how long it waited in all
 * @param gaveUp requests still answered 429 after the last retry, or whose Retry-After was missing or unreadable
 */
public record Waits(long waits, double seconds, long gaveUp) {
  public static final Waits NONE = new Waits(0, 0, 0);
}
