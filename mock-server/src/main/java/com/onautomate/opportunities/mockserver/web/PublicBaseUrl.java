package com.onautomate.opportunities.mockserver.web;

import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Collections;
import java.util.regex.Pattern;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * The URL the server writes into its answers (the list's {@code nextPageUrl}): never built from the
 * request's {@code Host} header, which any client can set ({@code Host: evil.example} would
 * otherwise put {@code http://evil.example/...} into an answer, and into the answers kept for
 * every client). It is {@code onautomate.public-base-url} when set, else the address the server
 * listens on ({@link BaseUrl}). Behind a proxy that rewrites the address,
 * {@code onautomate.trust-forwarded-headers=true} takes it from the request's {@code Forwarded}
 * or {@code X-Forwarded-Host}/{@code -Port}/{@code -Proto}/{@code -Prefix} headers, when it has
 * them; only turn that on when every request comes through a proxy that sets or strips them.
 */
@Component
public final class PublicBaseUrl {

  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+");
  private static final String[] FORWARDED = {"Forwarded", "X-Forwarded-Host", "X-Forwarded-Port",
      "X-Forwarded-Proto", "X-Forwarded-Ssl", "X-Forwarded-Prefix"};

  private final ApplicationContext context;
  private final boolean trustForwardedHeaders;
  private volatile String base;

  PublicBaseUrl(MockServerProperties properties, ApplicationContext context) {
    this.context = context;
    this.trustForwardedHeaders = properties.trustForwardedHeaders();
    this.base = properties.publicBaseUrl() == null ? null : configured(properties.publicBaseUrl());
  }

  /** The configured base without its trailing slash; anything but an absolute http(s) URL stops the start. */
  static String configured(URI url) {
    String scheme = url.getScheme();
    if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || url.getRawAuthority() == null
        || url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalStateException("onautomate.public-base-url must be an absolute http or https URL without query"
          + " or fragment, like https://mock.example.com or https://example.com/onautomate; it is " + url);
    }
    String text = url.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** {@code scheme://host[:port][/prefix]}, without a trailing slash: what paths are appended to. */
  public String of(HttpServletRequest request) {
    String configured = base();
    if (!trustForwardedHeaders || !hasForwardedHeaders(request)) {
      return configured;
    }
    try {
      HttpHeaders headers = new HttpHeaders();
      for (String name : FORWARDED) {
        headers.put(name, Collections.list(request.getHeaders(name)));
      }
      String origin = ForwardedHeaderUtils.adaptFromForwardedHeaders(URI.create(configured), headers)
          .replacePath(prefix(request.getHeader("X-Forwarded-Prefix"), URI.create(configured).getRawPath()))
          .build(true).toUriString();
      URI parsed = URI.create(origin);
      return parsed.getHost() == null ? configured : origin;
    } catch (IllegalArgumentException e) {
      return configured; // headers that make no URL (a port that is not a number, say): ignored
    }
  }

  private String base() {
    String known = base;
    if (known == null) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      var environment = context.getEnvironment();
      known = BaseUrl.of(environment.getProperty("server.address", "127.0.0.1"), port)
          + environment.getProperty("server.servlet.context-path", "");
      base = known;
    }
    return known;
  }

  private static boolean hasForwardedHeaders(HttpServletRequest request) {
    for (String name : FORWARDED) {
      if (request.getHeader(name) != null) {
        return true;
      }
    }
    return false;
  }

  /** The proxy's path prefix when it sends a plausible one, else the configured base's path. */
  private static String prefix(String forwardedPrefix, String configuredPath) {
    if (forwardedPrefix == null) {
      return configuredPath;
    }
    String prefix = forwardedPrefix.strip();
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return prefix.isEmpty() || PREFIX.matcher(prefix).matches() ? prefix : configuredPath;
  }
}
