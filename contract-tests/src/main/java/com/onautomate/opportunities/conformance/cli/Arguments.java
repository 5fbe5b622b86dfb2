package com.onautomate.opportunities.conformance.cli;

import com.onautomate.opportunities.conformance.http.Transport;
import java.net.URI;
import java.time.Duration;

/** Checks of the arguments every command shares, each failing with one line that names the option. */
final class Arguments {
  private Arguments() {
  }

  /** {@code --request-timeout} in seconds as a duration; the default when null. */
  static Duration requestTimeout(Double seconds) {
    if (seconds != null && !(seconds > 0 && seconds <= 3600)) {
      throw new IllegalArgumentException("--request-timeout must be more than 0 and at most 3600 seconds");
    }
    return seconds == null ? Transport.DEFAULT_TIMEOUT : Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }

  /** {@code --max-response-time} in milliseconds, or null when not given. */
  static Double maxResponseTimeMillis(Double seconds) {
    if (seconds != null && seconds <= 0) {
      throw new IllegalArgumentException("--max-response-time must be more than 0 seconds");
    }
    return seconds == null ? null : seconds * 1000;
  }

  /** An http:// or https:// URL given for {@code option}. */
  static String httpUrl(String url, String option) {
    if (url == null || (!url.startsWith("http://") && !url.startsWith("https://"))) {
      throw new IllegalArgumentException(option + " must be an http:// or https:// URL, got '" + url + "'");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " is not a URL: '" + url + "'", e);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(option + " has no host: '" + url + "'");
    }
    return url;
  }
}
