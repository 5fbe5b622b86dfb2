package com.onautomate.opportunities.mockserver.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mock server's own settings ({@code onautomate.*}).
 *
 * @param demoData load the demo locations, pipelines, contacts and opportunity at start
 * @param rateLimit the per-token rate limit, off unless enabled
 */
@ConfigurationProperties("onautomate")
public record MockServerProperties(Boolean demoData, RateLimit rateLimit) {

  public MockServerProperties {
    demoData = demoData == null ? Boolean.TRUE : demoData;
    rateLimit = rateLimit == null ? new RateLimit(false, 100, Duration.ofSeconds(10)) : rateLimit;
  }

  /** {@code onautomate.rate-limit.enabled=true} turns on the vendor's 100 requests per 10 s per token. */
  public record RateLimit(boolean enabled, Integer requests, Duration window) {
    public RateLimit {
      requests = requests == null ? 100 : requests;
      window = window == null ? Duration.ofSeconds(10) : window;
    }
  }
}
