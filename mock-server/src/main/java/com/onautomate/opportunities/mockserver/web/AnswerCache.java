package com.onautomate.opportunities.mockserver.web;

import com.onautomate.opportunities.mockserver.errors.ErrorBodies;
import com.onautomate.opportunities.mockserver.tenancy.CurrentLocation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The 200 answers of the two reads (GET one opportunity, GET a list), kept per location data
 * version: every committed write to a location changes its version in the database, in the write's
 * transaction (see {@code Locations.dataChanged}), so an answer is sent again only while nothing in
 * the location changed, whichever server on the database made the change. A hit costs the version
 * read and a copy of the bytes; a miss goes through Spring MVC as before and is kept.
 *
 * <p>An answer depends on the location (the token's), the URL (path and query as sent, and the
 * {@link PublicBaseUrl} the list's {@code nextPageUrl} is built on) and the location's data; the
 * key holds the first two, the version stands for the third. Errors are never kept. Bounded by
 * entries and bytes; when full, it starts over (entries of old versions are the usual reason).
 * {@code onautomate.answer-cache.enabled=false} turns it off.
 */
final class AnswerCache extends OncePerRequestFilter {

  private record Answer(long version, String contentType, byte[] body) {
  }

  private final ToLongFunction<String> dataVersion;
  private final PublicBaseUrl baseUrl;
  private final ErrorBodies errors;
  private final int maxEntries;
  private final long maxBytes;
  private final ConcurrentMap<String, Answer> answers = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();

  /** {@code dataVersion}: a location's data version, as {@code Locations.dataVersion} tells it. */
  AnswerCache(ToLongFunction<String> dataVersion, PublicBaseUrl baseUrl, ErrorBodies errors, int maxEntries,
              long maxBytes) {
    this.dataVersion = dataVersion;
    this.baseUrl = baseUrl;
    this.errors = errors;
    this.maxEntries = Math.max(1, maxEntries);
    this.maxBytes = Math.max(1, maxBytes);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/v1/pipelines/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Object location = request.getAttribute(CurrentLocation.ATTRIBUTE);
    if (!(location instanceof String locationId)) {
      chain.doFilter(request, response);
      return;
    }
    // Read before the answer is made, so that a kept answer is never older than its version.
    long version;
    try {
      version = dataVersion.applyAsLong(locationId);
    } catch (RuntimeException e) {
      errors.writeDatabaseOutageOrRethrow(e, response);
      return;
    }
    String key = key(locationId, request);
    Answer kept = answers.get(key);
    if (kept != null && kept.version() == version) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(kept.contentType());
      response.setContentLength(kept.body().length);
      response.getOutputStream().write(kept.body());
      return;
    }
    ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, recording);
    if (recording.getStatus() == HttpServletResponse.SC_OK && recording.getContentType() != null) {
      keep(key, new Answer(version, recording.getContentType(), recording.getContentAsByteArray()));
    }
    recording.copyBodyToResponse();
  }

  private String key(String locationId, HttpServletRequest request) {
    String query = request.getQueryString();
    StringBuilder key = new StringBuilder(160).append(locationId).append(' ').append(baseUrl.of(request))
        .append(request.getRequestURI());
    if (query != null) {
      key.append('?').append(query);
    }
    return key.toString();
  }

  /** Keeps an answer; its size counts the key too (a URL may be kilobytes long). */
  private void keep(String key, Answer answer) {
    long size = key.length() + (long) answer.body().length;
    if (size > maxBytes / 4) {
      return;
    }
    if (answers.size() >= maxEntries || bytes.get() + size > maxBytes) {
      answers.clear();
      bytes.set(0);
    }
    Answer before = answers.put(key, answer);
    bytes.addAndGet(before == null ? size : answer.body().length - before.body().length);
  }
}
