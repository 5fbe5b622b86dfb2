package com.onautomate.opportunities.mockserver.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mock server's own settings ({@code onautomate.*}), read here and nowhere else.
 *
 * @param demoData load the demo contacts and opportunities at start
 * @param fixtures a fixtures file (JSON or YAML) to start with instead of the demo data (see {@code fixtures.FixtureFile})
 * @param admin the admin endpoints under {@code /__admin/} (see {@code admin})
 * @param rateLimit the per-token rate limit, off unless enabled
 * @param answerCache the kept answers of the reads (see {@code web.AnswerCache})
 * @param prefer the {@code Prefer} header's chosen answers, delays and faults (see {@code answers}, {@code faults})
 * @param faults failures and latency injected into a share of all requests, off unless a rate or delay is set
 * @param cors cross-origin calls from browser apps (see {@code web.CrossOriginFilter})
 * @param pageBucketSize opportunities per page bucket (see {@code opportunities.PageBuckets}); not documented
 *     for users: tests make it small to cross bucket borders with few rows
 * @param listTotalsMax filtered-list totals remembered (see {@code opportunities.ListTotals}); not documented
 * @param contactScopeMax matching contacts a filtered list reads by id before it falls back to
 *     subqueries (see {@code opportunities.OpportunityRows}); not documented
 * @param publicBaseUrl the URL written into answers ({@code nextPageUrl}); {@code null}: the address the
 *     server listens on (see {@code web.PublicBaseUrl})
 * @param trustForwardedHeaders take that URL from {@code Forwarded}/{@code X-Forwarded-*} headers when a
 *     request has them (behind a proxy); never from {@code Host}
 * @param requestTimeouts how long a client may take to send a request's headers, and then its body
 */
@ConfigurationProperties("onautomate")
public record MockServerProperties(@DefaultValue("true") boolean demoData, String fixtures, @DefaultValue Admin admin,
                                   @DefaultValue RateLimit rateLimit,
                                   @DefaultValue AnswerCache answerCache, @DefaultValue Prefer prefer,
                                   @DefaultValue Faults faults, @DefaultValue Cors cors,
                                   @DefaultValue("1000") int pageBucketSize,
                                   @DefaultValue("4096") int listTotalsMax, @DefaultValue("1000") int contactScopeMax,
                                   URI publicBaseUrl, @DefaultValue("false") boolean trustForwardedHeaders,
                                   @DefaultValue RequestTimeouts requestTimeouts) {

  /** The longest delay a setting or a {@code Prefer: delay=} may ask for. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(5);

  /**
   * {@code onautomate.admin.*}: who may call {@code /__admin/}, and the request journal's bound.
   *
   * @param token callers that are not on this machine (loopback) must send {@code Authorization: Bearer <token>};
   *     without a token only loopback callers are let in
   * @param journalSize requests the journal keeps, the newest (0: no journal)
   * @param journalBodyBytes bytes of each request body the journal keeps
   */
  public record Admin(String token, @DefaultValue("1000") int journalSize, @DefaultValue("8192") int journalBodyBytes) {
  }

  /** {@code onautomate.rate-limit.enabled=true} turns on the vendor's 100 requests per 10 s per token. */
  public record RateLimit(@DefaultValue("false") boolean enabled, @DefaultValue("100") int requests,
                          @DefaultValue("10s") Duration window) {
  }

  /**
   * {@code onautomate.request-timeouts.headers}: from the first byte of a request to the end of its
   * headers (the connection is closed after it); {@code .body}: from then to the end of the body
   * (answered 408 after it). Neither holds a worker thread while it waits (see {@code web.BodyPrefetchFilter}).
   */
  public record RequestTimeouts(@DefaultValue("10s") Duration headers, @DefaultValue("10s") Duration body) {
  }

  /** {@code onautomate.answer-cache.enabled=false} keeps no answers; the bounds apply when it is on. */
  public record AnswerCache(@DefaultValue("true") boolean enabled, @DefaultValue("4096") int maxEntries,
                            @DefaultValue("16777216") long maxBytes) {
  }

  /** {@code onautomate.prefer.enabled=false}: every {@code Prefer} header (and Prism's {@code __code}) is ignored. */
  public record Prefer(@DefaultValue("true") boolean enabled) {
  }

  /**
   * {@code onautomate.cors.*}: answers to browsers' cross-origin requests.
   *
   * @param enabled answer preflights and add the CORS headers
   * @param allowedOrigins origins allowed to call, {@code *} for any (the default: the server binds 127.0.0.1);
   *     patterns such as {@code https://*.example.com} work
   */
  public record Cors(@DefaultValue("true") boolean enabled, @DefaultValue("*") List<String> allowedOrigins) {
  }

  /**
   * {@code onautomate.faults.*}: failures and latency injected into a share of the requests under
   * {@code /v1/}, each request's fate drawn from a sequence seeded by {@code seed}, so that a run
   * that sends the same requests in the same order meets the same faults.
   *
   * @param statusRate share of requests answered with a status instead, by status (400 to 599):
   *     {@code status-rate.503=0.05}; a 429 or 503 says {@code Retry-After}
   * @param closeRate share of requests whose connection is closed without an answer
   * @param truncateRate share of requests whose answer (made as usual) is cut off halfway, the connection closed
   * @param delay latency added before the answer; with {@code delayMax}, the least of a random latency
   * @param delayMax the most of a random latency, uniform between {@code delay} and it
   * @param delayRate share of requests delayed
   * @param retryAfter the {@code Retry-After} of an injected 429 or 503 (whole seconds)
   * @param seed seeds the sequence; when not given, a random seed, printed at start
   */
  public record Faults(Map<Integer, Double> statusRate, @DefaultValue("0") double closeRate,
                       @DefaultValue("0") double truncateRate, @DefaultValue("0ms") Duration delay, Duration delayMax,
                       @DefaultValue("1") double delayRate, @DefaultValue("1s") Duration retryAfter, Long seed) {

    public Faults {
      statusRate = statusRate == null ? Map.of() : Map.copyOf(new TreeMap<>(statusRate));
      statusRate.forEach((status, rate) -> {
        if (status < 400 || status > 599) {
          throw new IllegalArgumentException("onautomate.faults.status-rate." + status + ": only 400 to 599 can be injected");
        }
        rate("status-rate." + status, rate);
      });
      rate("close-rate", closeRate);
      rate("truncate-rate", truncateRate);
      rate("delay-rate", delayRate);
      double sum = statusRate.values().stream().mapToDouble(Double::doubleValue).sum() + closeRate + truncateRate;
      if (sum > 1.0 + 1e-9) {
        throw new IllegalArgumentException("onautomate.faults: the status, close and truncate rates add up to " + sum
            + ", more than 1");
      }
      if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
        throw new IllegalArgumentException("onautomate.faults.delay=" + delay + ": from 0 to " + MAX_DELAY);
      }
      if (delayMax != null && (delayMax.compareTo(delay) < 0 || delayMax.compareTo(MAX_DELAY) > 0)) {
        throw new IllegalArgumentException("onautomate.faults.delay-max=" + delayMax + ": from delay (" + delay + ") to "
            + MAX_DELAY);
      }
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("onautomate.faults.retry-after=" + retryAfter + ": not negative");
      }
      if (seed == null) {
        seed = (long) ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
      }
    }

    private static void rate(String name, double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("onautomate.faults." + name + "=" + rate + ": a share from 0 to 1");
      }
    }

    /** Whether any request can meet a fault or a delay. */
    public boolean enabled() {
      return statusRate.values().stream().anyMatch(r -> r > 0) || closeRate > 0 || truncateRate > 0
          || (delayRate > 0 && (delay.toMillis() > 0 || delayMax != null));
    }

    /** One line for the start report. */
    public String describe() {
      if (!enabled()) {
        return "off";
      }
      StringJoiner line = new StringJoiner(", ");
      statusRate.forEach((status, rate) -> line.add(status + " " + percent(rate)));
      if (closeRate > 0) {
        line.add("closed " + percent(closeRate));
      }
      if (truncateRate > 0) {
        line.add("truncated " + percent(truncateRate));
      }
      if (delayRate > 0 && (delay.toMillis() > 0 || delayMax != null)) {
        String latency = delayMax == null ? delay.toMillis() + " ms" : delay.toMillis() + "-" + delayMax.toMillis() + " ms";
        line.add("delay " + latency + (delayRate < 1 ? " on " + percent(delayRate) : ""));
      }
      return line + "; seed " + seed + " (--onautomate.faults.seed=" + seed + " repeats it)";
    }

    private static String percent(double rate) {
      return (Math.round(rate * 10000) / 100.0) + " %";
    }
  }
}
