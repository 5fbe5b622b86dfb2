package com.onautomate.opportunities.mockserver.system;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mock server's own settings ({@code onautomate.*}), read here and nowhere else.
 *
 * @param demoData load the demo contacts and opportunities at start
 * @param rateLimit the per-token rate limit, off unless enabled
 * @param answerCache the kept answers of the reads (see {@code web.AnswerCache})
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
public record MockServerProperties(@DefaultValue("true") boolean demoData, @DefaultValue RateLimit rateLimit,
                                   @DefaultValue AnswerCache answerCache, @DefaultValue("1000") int pageBucketSize,
                                   @DefaultValue("4096") int listTotalsMax, @DefaultValue("1000") int contactScopeMax,
                                   URI publicBaseUrl, @DefaultValue("false") boolean trustForwardedHeaders,
                                   @DefaultValue RequestTimeouts requestTimeouts) {

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
}
