package com.onautomate.opportunities.mockserver.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed window per token, like the vendor's service (100 requests per 10 seconds), starting at the
 * token's first request after the previous window ended. Kept in this process: several servers on
 * one database each count their own requests.
 */
final class RateLimiter {

  /** What one request got: allowed or not, and what the X-RateLimit-* headers say. */
  record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
  }

  private final int limit;
  private final long windowMillis;
  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

  RateLimiter(int limit, long windowMillis) {
    this.limit = limit;
    this.windowMillis = windowMillis;
  }

  Decision acquire(String token, long now) {
    Window window = windows.compute(token, (t, w) -> w == null || now >= w.start + windowMillis ? new Window(now) : w);
    long used = window.count.incrementAndGet();
    long reset = Math.max(1, (window.start + windowMillis - now + 999) / 1000);
    if (used > limit) {
      return new Decision(false, limit, 0, reset);
    }
    return new Decision(true, limit, (int) (limit - used), reset);
  }

  private static final class Window {
    final long start;
    final AtomicLong count = new AtomicLong();

    Window(long start) {
      this.start = start;
    }
  }
}
