package com.onautomate.opportunities.conformance.shrinking;

import java.time.Duration;

/**
 * How far the search for a minimal failing case may go, per failure: at most {@code maxRequests} candidates sent and
 * {@code maxTime} spent. The request budget keeps the result reproducible from the seed; the time budget is a
 * safeguard for slow servers (a search it stops says so in the report).
 *
 * <pre>{@code ShrinkLimits limits = new ShrinkLimits(true, 100, Duration.ofSeconds(10)); // --shrink-max-requests 100}</pre>
 *
 * @param enabled false for {@code --no-shrink}: failures are reported as generated
 */
public record ShrinkLimits(boolean enabled, int maxRequests, Duration maxTime) {
  /** The default: on, 100 requests and 10 seconds per failure. */
  public static final ShrinkLimits DEFAULT = new ShrinkLimits(true, 100, Duration.ofSeconds(10));
  /** No shrinking ({@code --no-shrink}). */
  public static final ShrinkLimits OFF = new ShrinkLimits(false, 0, Duration.ofSeconds(10));

  public ShrinkLimits {
    if (maxRequests < 0) {
      throw new IllegalArgumentException("--shrink-max-requests must be 0 or more");
    }
    if (maxTime.isZero() || maxTime.isNegative() || maxTime.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("--shrink-max-seconds must be more than 0 and at most 3600");
    }
  }

  /** Limits from the options as given: seconds as a decimal number. */
  public static ShrinkLimits of(boolean enabled, int maxRequests, double maxSeconds) {
    if (!(maxSeconds > 0 && maxSeconds <= 3600)) {
      throw new IllegalArgumentException("--shrink-max-seconds must be more than 0 and at most 3600");
    }
    return new ShrinkLimits(enabled, maxRequests, Duration.ofMillis(Math.max(1, Math.round(maxSeconds * 1000))));
  }
}
