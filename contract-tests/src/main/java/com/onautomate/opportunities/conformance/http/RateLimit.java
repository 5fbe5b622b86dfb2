package com.onautomate.opportunities.conformance.http;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request rate to keep under, written as Schemathesis's {@code --rate-limit} writes it: {@code 10/s}, {@code 100/m},
 * {@code 1000/h}, {@code 5000/d}; a count before the unit is allowed too, so the vendor's 100 requests per 10 seconds
 * is {@code 100/10s}.
 *
 * <pre>{@code RateLimit.parse("100/10s").interval() // PT0.1S between two requests}</pre>
 */
public record RateLimit(long requests, Duration per) {
  private static final Pattern FORM = Pattern.compile("(\\d+)/(\\d*)([smhd])");

  public RateLimit {
    if (requests <= 0 || per.isZero() || per.isNegative()) {
      throw new IllegalArgumentException("a rate limit needs at least one request per period");
    }
  }

  /** Parses {@code N/s|m|h|d} or {@code N/Ks|m|h|d}; fails with the accepted forms. */
  public static RateLimit parse(String text) {
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("--rate-limit must look like 10/s, 100/m, 1000/h or 100/10s, got '" + text
          + "'");
    }
    long count;
    long units;
    try {
      count = Long.parseLong(m.group(1));
      units = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--rate-limit: '" + text + "' has a number too large", e);
    }
    Duration unit = switch (m.group(3)) {
      case "s" -> Duration.ofSeconds(1);
      case "m" -> Duration.ofMinutes(1);
      case "h" -> Duration.ofHours(1);
      default -> Duration.ofDays(1);
    };
    if (count == 0 || units == 0) {
      throw new IllegalArgumentException("--rate-limit must allow at least one request per period, got '" + text
          + "'");
    }
    return new RateLimit(count, unit.multipliedBy(units));
  }

  /** The time between two requests when they are spread evenly. */
  public Duration interval() {
    return per.dividedBy(requests);
  }

  @Override
  public String toString() {
    return requests + " requests per " + per.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
