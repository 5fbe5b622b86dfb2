package com.onautomate.opportunities.conformance.http;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends within a server's rate limit, around another {@link Sender}: it spreads requests evenly when a
 * {@code --rate-limit} is given, and waits out a {@code 429} as its {@code Retry-After} asks — in seconds or as an
 * HTTP date, at most {@value #MAX_WAIT_SECONDS} s a time — then sends the request again, at most {@value #MAX_RETRIES}
 * times (Schemathesis's bounds). A 429 without a readable {@code Retry-After} is not retried: it is the answer. The
 * 429s waited out stay on the final response ({@link Response#rateLimitedBefore()}), so that the checks judge them
 * too; the waits are counted for the report.
 *
 * <pre>{@code Sender polite = new RateLimitedSender(transport, RateLimit.parse("100/10s"));}</pre>
 */
public final class RateLimitedSender implements Sender {
  /** The longest single wait; a longer Retry-After is waited this long (as Schemathesis does). */
  public static final int MAX_WAIT_SECONDS = 60;
  /** How many times one request is sent again after a 429. */
  public static final int MAX_RETRIES = 3;

  private final Sender delegate;
  private final RateLimit rate;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AtomicLong waits = new AtomicLong();
  private final AtomicLong waitedMillis = new AtomicLong();
  private final AtomicLong gaveUp = new AtomicLong();
  private long nextSlotNanos;

  /** Waits in real time. */
  public RateLimitedSender(Sender delegate, RateLimit rate) {
    this(delegate, rate, Clock.systemUTC(), Thread::sleep);
  }

  /**
   * A sender that reads the time from {@code clock} and waits with {@code sleeper} (tests give both).
   *
   * @param rate requests to spread evenly, or null to send as fast as the server answers
   */
  public RateLimitedSender(Sender delegate, RateLimit rate, Clock clock, Sleeper sleeper) {
    this.delegate = delegate;
    this.rate = rate;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public Response send(Request request) {
    Response answer = null;
    for (int retry = 0; ; retry++) {
      pace();
      Response next = delegate.send(request);
      answer = answer == null ? next : next.after(answer);
      if (answer.status() != 429) {
        return answer;
      }
      Duration wait = retryAfter(answer.header("Retry-After"), clock.instant());
      if (wait == null || retry == MAX_RETRIES) {
        gaveUp.incrementAndGet();
        return answer;
      }
      waits.incrementAndGet();
      waitedMillis.addAndGet(wait.toMillis());
      sleep(wait);
    }
  }

  /** How many times a 429 was waited out. */
  public long waits() {
    return waits.get();
  }

  /** How long the waits took, in all. */
  public Duration waited() {
    return Duration.ofMillis(waitedMillis.get());
  }

  /** Requests whose last answer was still 429 (retries used up, or no readable Retry-After). */
  public long gaveUp() {
    return gaveUp.get();
  }

  /**
   * How long a {@code Retry-After} asks to wait, at most {@value #MAX_WAIT_SECONDS} s: delay-seconds or an HTTP date
   * (RFC 9110 §10.2.3); null when it is missing or unreadable. A date in the past asks for no wait.
   */
  static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Duration wait;
    try {
      BigDecimal seconds = new BigDecimal(value.trim());
      if (seconds.signum() < 0) {
        return null;
      }
      wait = Duration.ofMillis(seconds.min(BigDecimal.valueOf(MAX_WAIT_SECONDS)).movePointRight(3).longValue());
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        wait = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
    return wait.compareTo(Duration.ofSeconds(MAX_WAIT_SECONDS)) > 0 ? Duration.ofSeconds(MAX_WAIT_SECONDS) : wait;
  }

  /** Waits for this request's slot when requests are spread evenly. */
  private void pace() {
    if (rate == null) {
      return;
    }
    long now = System.nanoTime();
    long slot;
    synchronized (this) {
      slot = Math.max(now, nextSlotNanos);
      nextSlotNanos = slot + rate.interval().toNanos();
    }
    if (slot > now) {
      sleep(Duration.ofNanos(slot - now));
    }
  }

  private void sleep(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits; {@code Thread::sleep} in real runs. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }
}
