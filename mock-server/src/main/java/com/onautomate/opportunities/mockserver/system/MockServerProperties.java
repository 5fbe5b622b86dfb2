package com.onautomate.opportunities.mockserver.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mock server's own settings ({@code onautomate.*}), read here and nowhere else.
 *
 * @param demoData load the demo contacts and opportunities at start
 * @param rateLimit the per-token rate limit, off unless enabled
 * @param answerCache the kept answers of the reads (see {@code web.AnswerCache})
 * @param prefer the {@code Prefer} header's chosen answers (see {@code answers})
 * @param pageBucketSize opportunities per page bucket (see {@code opportunities.PageBuckets}); not documented
 *     for users: tests make it small to cross bucket borders with few rows
 * @param listTotalsMax filtered-list totals remembered (see {@code opportunities.ListTotals}); not documented
 * @param contactScopeMax matching contacts a filtered list reads by id before it falls back to
 *     subqueries (see {@code opportunities.OpportunityRows}); not documented
 */
@ConfigurationProperties("onautomate")
public record MockServerProperties(@DefaultValue("true") boolean demoData, @DefaultValue RateLimit rateLimit,
                                   @DefaultValue AnswerCache answerCache, @DefaultValue Prefer prefer,
                                   @DefaultValue("1000") int pageBucketSize,
                                   @DefaultValue("4096") int listTotalsMax, @DefaultValue("1000") int contactScopeMax) {

  /** {@code onautomate.rate-limit.enabled=true} turns on the vendor's 100 requests per 10 s per token. */
  public record RateLimit(@DefaultValue("false") boolean enabled, @DefaultValue("100") int requests,
                          @DefaultValue("10s") Duration window) {
  }

  /** {@code onautomate.answer-cache.enabled=false} keeps no answers; the bounds apply when it is on. */
  public record AnswerCache(@DefaultValue("true") boolean enabled, @DefaultValue("4096") int maxEntries,
                            @DefaultValue("16777216") long maxBytes) {
  }

  /** {@code onautomate.prefer.enabled=false}: every {@code Prefer} header (and Prism's {@code __code}) is ignored. */
  public record Prefer(@DefaultValue("true") boolean enabled) {
  }
}
