package com.onautomate.opportunities.mockserver.web;

import com.onautomate.opportunities.mockserver.RecordedRequest;
import com.onautomate.opportunities.mockserver.tenancy.CurrentLocation;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * The request journal: every request but the admin endpoints' ({@code /__admin/}), kept in memory
 * for assertions (as WireMock's request journal). The outermost filter, so that it records the
 * 401s, 413s and 429s of the filters after it, the injected faults and the delays too. Bounded: a
 * ring of the newest {@code size} requests, each with the first {@code bodyBytes} bytes of its body.
 *
 * <p>Its cost on the request path is kept small (bench/ features section): a request without a
 * body is not wrapped; one entry is written to the ring without a lock; the work of filtering is
 * done by the reader.
 */
public final class RequestJournal extends OncePerRequestFilter {

  private final AtomicReferenceArray<RecordedRequest> ring;
  private final int bodyBytes;
  private final AtomicLong recorded = new AtomicLong();
  /** Requests that arrived, for {@link #awaitRecorded}: a request is recorded after its answer left. */
  private final AtomicLong arrivals = new AtomicLong();
  private final AtomicLong endings = new AtomicLong();
  private volatile long clearedAt;

  public RequestJournal(int size, int bodyBytes) {
    this.ring = new AtomicReferenceArray<>(Math.max(1, size));
    this.bodyBytes = Math.max(0, bodyBytes);
  }

  /** How many requests it keeps at most. */
  public int size() {
    return ring.length();
  }

  /** Requests recorded since start or the last {@link #clear}, kept or not. */
  public long recorded() {
    return recorded.get() - clearedAt;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/__admin");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    arrivals.incrementAndGet();
    long start = System.nanoTime();
    Instant arrived = Instant.now();
    boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    ContentCachingRequestWrapper body = hasBody ? new ContentCachingRequestWrapper(request, bodyBytes) : null;
    HttpServletRequest passed = body == null ? request : body;
    try {
      chain.doFilter(passed, response);
    } finally {
      if (passed.isAsyncStarted()) {
        passed.getAsyncContext().addListener(new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            record(request, body, response, arrived, start);
          }

          @Override
          public void onTimeout(AsyncEvent event) {
          }

          @Override
          public void onError(AsyncEvent event) {
          }

          @Override
          public void onStartAsync(AsyncEvent event) {
          }
        });
      } else {
        record(request, body, response, arrived, start);
      }
    }
  }

  private void record(HttpServletRequest request, ContentCachingRequestWrapper body, HttpServletResponse response,
                      Instant arrived, long start) {
    String text = null;
    boolean truncated = false;
    if (body != null) {
      byte[] read = body.getContentAsByteArray();
      long length = request.getContentLengthLong();
      if (read.length == 0 && length != 0) {
        // Not read by anyone (a 401 before the body): read what is kept now, as Tomcat would skip it.
        read = readUpTo(body, bodyBytes + 1);
      }
      truncated = read.length > bodyBytes || length > bodyBytes;
      text = new String(read, 0, Math.min(read.length, bodyBytes), StandardCharsets.UTF_8);
    }
    Object location = request.getAttribute(CurrentLocation.ATTRIBUTE);
    long id = recorded.incrementAndGet();
    ring.set((int) (id % ring.length()), new RecordedRequest(id, arrived, request.getMethod(),
        request.getRequestURI(), request.getQueryString(), response.getStatus(),
        (System.nanoTime() - start) / 1_000_000, location instanceof String s ? s : null, headers(request), text,
        truncated));
    endings.incrementAndGet();
  }

  private static byte[] readUpTo(HttpServletRequest request, int max) {
    try {
      InputStream in = request.getInputStream();
      return in.readNBytes(max);
    } catch (IOException | IllegalStateException e) {
      return new byte[0];
    }
  }

  private static Map<String, String> headers(HttpServletRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      String value = String.join(", ", Collections.list(request.getHeaders(name)));
      String key = name.toLowerCase(Locale.ROOT);
      headers.put(key, key.equals("authorization") ? mask(value) : value);
    }
    return headers;
  }

  /** {@code Bearer demo-token} → {@code Bearer ***oken}; a short token is all stars. */
  static String mask(String authorization) {
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? "" : authorization.substring(0, space + 1);
    String secret = space < 0 ? authorization : authorization.substring(space + 1);
    return scheme + "***" + (secret.length() >= 12 ? secret.substring(secret.length() - 4) : "");
  }

  /** The kept requests that match, newest first, at most {@code limit}. */
  public List<RecordedRequest> requests(Predicate<RecordedRequest> filter, int limit) {
    awaitRecorded();
    List<RecordedRequest> found = new ArrayList<>();
    long newest = recorded.get();
    long oldest = Math.max(clearedAt + 1, newest - ring.length() + 1);
    for (long id = newest; id >= oldest && found.size() < limit; id--) {
      RecordedRequest entry = ring.get((int) (id % ring.length()));
      if (entry != null && entry.id() == id && filter.test(entry)) {
        found.add(entry);
      }
    }
    return found;
  }

  /** The journal's filters: method (any case), path (a trailing {@code *} is a prefix), status; null for any. */
  public static Predicate<RecordedRequest> matching(String method, String path, Integer status) {
    Predicate<RecordedRequest> filter = r -> true;
    if (method != null) {
      String upper = method.toUpperCase(Locale.ROOT);
      filter = filter.and(r -> r.method().equals(upper));
    }
    if (path != null) {
      filter = filter.and(path.endsWith("*")
          ? r -> r.path().startsWith(path.substring(0, path.length() - 1))
          : r -> r.path().equals(path));
    }
    if (status != null) {
      filter = filter.and(r -> r.status() == status);
    }
    return filter;
  }

  /**
   * Waits, at most a second, until the requests that arrived before this call are recorded: a
   * request is recorded when its filter chain returns, just after its answer may have reached the
   * client, so a client that asks for the journal right after an answer would otherwise race it.
   */
  private void awaitRecorded() {
    long target = arrivals.get();
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (endings.get() < target && System.nanoTime() < deadline) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Forgets every request recorded so far. */
  public void clear() {
    awaitRecorded();
    clearedAt = recorded.get();
  }
}
