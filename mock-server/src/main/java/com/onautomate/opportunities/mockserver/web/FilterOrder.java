package com.onautomate.opportunities.mockserver.web;

import org.springframework.core.Ordered;

/**
 * The order of the servlet filters a request passes before Spring MVC, first to last, in one place:
 * each relies on what the ones before it did. The gaps leave room for a filter between two others.
 */
public final class FilterOrder {

  /**
   * A request's body is read before anything else ({@link BodyPrefetchFilter}), without a thread
   * waiting for it; then the request passes every later filter once, in an ASYNC dispatch that
   * looks like a REQUEST one to them. A filter after this one runs for requests with a body only if
   * it is registered for the ASYNC dispatcher type too (Boot does so for every {@code OncePerRequestFilter}).
   */
  public static final int BODY_PREFETCH = Ordered.HIGHEST_PRECEDENCE;
  /**
   * The request journal ({@link RequestJournal}): right after the body is in, so that it records what
   * every later filter answers (401, 413, 429, faults) with the body; a body that never came in (408)
   * is not recorded.
   */
  public static final int REQUEST_JOURNAL = Ordered.HIGHEST_PRECEDENCE + 1;
  /** Every {@code /v1/} path also answers with a trailing slash: the path is canonical before anyone reads it. */
  public static final int TRAILING_SLASH = Ordered.HIGHEST_PRECEDENCE + 3;
  /** Browsers' cross-origin preflights answered, CORS headers added: before the token check, as a preflight has none. */
  public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 6;
  /** A reset waits for the API requests in flight, and they for it ({@code admin.ResetGate}). */
  public static final int RESET_GATE = Ordered.HIGHEST_PRECEDENCE + 7;
  /** Only loopback callers or the admin token reach {@code /__admin/} ({@code admin.AdminAccess}). */
  public static final int ADMIN_ACCESS = Ordered.HIGHEST_PRECEDENCE + 8;
  /** Token (401), rate limit (429), body size, type and presence ({@link ApiRequestFilter}); sets the location. */
  public static final int API_REQUEST = Ordered.HIGHEST_PRECEDENCE + 10;
  /** Injected faults and delays ({@code faults.FaultFilter}): only on requests that passed the token check. */
  public static final int FAULTS = Ordered.HIGHEST_PRECEDENCE + 13;
  /** {@code Prefer: code=} answers ({@code answers.ChosenAnswerFilter}): a fault wins over them, none reaches the store. */
  public static final int CHOSEN_ANSWERS = Ordered.HIGHEST_PRECEDENCE + 16;
  /** Kept answers ({@link AnswerCache}): keyed by the location the token check set. */
  public static final int ANSWER_CACHE = Ordered.HIGHEST_PRECEDENCE + 20;

  private FilterOrder() {
  }
}
