package com.onautomate.opportunities.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * When and how long to wait before sending a request again.
 *
 * <p>Only answers {@code 429 Too Many Requests} and {@code 503 Service Unavailable} to idempotent
 * calls (GET, PUT, DELETE) are retried: never a create (POST), which could create the opportunity
 * twice, and never an I/O failure, after which the client cannot know whether the server acted.
 * The wait doubles from {@link Builder#initialBackoff} up to {@link Builder#maxBackoff}, less a
 * random part ({@link Builder#jitter}) so that many clients do not retry in step; it is never
 * shorter than the server's {@code Retry-After}. Retries stop after {@link Builder#maxRetries}
 * retries, or when the next wait would end later than {@link Builder#maxElapsed} after the first
 * attempt; the last error is then thrown.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder()
 *     .maxRetries(5)
 *     .initialBackoff(Duration.ofSeconds(1))
 *     .maxElapsed(Duration.ofMinutes(2))
 *     .build();
 * }</pre>
 */
public final class RetryPolicy {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE", "HEAD", "OPTIONS");
  private static final RetryPolicy NONE = builder().maxRetries(0).build();
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxElapsed;
  private final double jitter;

  private RetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.maxElapsed = builder.maxElapsed;
    this.jitter = builder.jitter;
  }

  /**
   * The default: up to 3 retries, waits from 500 ms doubling up to 8 s, jitter 0.25, and no
   * retry that would end later than 30 s after the first attempt.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Never retry: every error is thrown at once.
   *
   * @return a policy with no retries
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * A builder starting from the {@linkplain #defaults() defaults}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * How long to wait before retry number {@code retriesDone + 1}, or empty to give up.
   *
   * @param method the request's HTTP method
   * @param status the status just received
   * @param retryAfter the server's Retry-After, when it sent one
   * @param retriesDone retries already sent for this call
   * @param elapsed time since the first attempt was sent
   * @param random a source of numbers in [0, 1), for the jitter
   */
  Optional<Duration> delayBeforeRetry(
      String method,
      int status,
      @Nullable Duration retryAfter,
      int retriesDone,
      Duration elapsed,
      DoubleSupplier random) {
    if (!IDEMPOTENT.contains(method) || (status != 429 && status != 503) || retriesDone >= maxRetries) {
      return Optional.empty();
    }
    Duration backoff = initialBackoff.multipliedBy(1L << Math.min(retriesDone, 30));
    if (backoff.compareTo(maxBackoff) > 0 || backoff.isNegative()) {
      backoff = maxBackoff;
    }
    long nanos = backoff.toNanos();
    Duration delay = Duration.ofNanos(nanos - (long) (nanos * jitter * random.getAsDouble()));
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      delay = retryAfter;
    }
    if (elapsed.plus(delay).compareTo(maxElapsed) > 0) {
      return Optional.empty();
    }
    return Optional.of(delay);
  }

  /**
   * The most retries after the first attempt.
   *
   * @return the retry count, 0 for none
   */
  public int maxRetries() {
    return maxRetries;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", maxElapsed=" + maxElapsed + ", jitter=" + jitter + '}';
  }

  /** Builds a {@link RetryPolicy}; every setter checks its argument at once. */
  public static final class Builder {
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxElapsed = Duration.ofSeconds(30);
    private double jitter = 0.25;

    private Builder() {}

    /**
     * The most retries after the first attempt (default 3).
     *
     * @param maxRetries 0 or more
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The wait before the first retry, doubled for each next one (default 500 ms).
     *
     * @param initialBackoff a positive duration
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * The longest wait computed by doubling (default 8 s). A longer {@code Retry-After} is
     * still honoured, within {@link #maxElapsed}.
     *
     * @param maxBackoff a positive duration
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * No retry is sent later than this after the first attempt (default 30 s).
     *
     * @param maxElapsed a positive duration
     * @return this builder
     */
    public Builder maxElapsed(Duration maxElapsed) {
      this.maxElapsed = positive(maxElapsed, "maxElapsed");
      return this;
    }

    /**
     * The largest part of each wait taken away at random (default 0.25: a wait of 1 s
     * becomes 750 ms to 1 s).
     *
     * @param jitter from 0 (none) to 1
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * The policy.
     *
     * @return a new, immutable policy
     * @throws IllegalStateException when maxBackoff is shorter than initialBackoff
     */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalStateException("maxBackoff (" + maxBackoff + ") < initialBackoff (" + initialBackoff + ")");
      }
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
