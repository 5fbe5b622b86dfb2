package com.onautomate.opportunities.mockserver.faults;

import com.onautomate.opportunities.mockserver.errors.ErrorBodies;
import com.onautomate.opportunities.mockserver.web.ApiPathFilter;
import com.onautomate.opportunities.mockserver.web.Preferences;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Injects the {@link FaultPlanner}'s faults into requests under {@code /v1/} that passed the token
 * check: a status instead of the answer, a connection closed without an answer, an answer cut off
 * halfway, and delays. Nothing else is touched: {@code /openapi.yaml}, {@code /docs} and whatever
 * the server serves outside {@code /v1/} (admin endpoints included) never meet a fault.
 *
 * <p>A delayed answer is made first and then held, as WireMock's delays are, so a delayed write
 * is done before the client sees its answer; while held it costs no Tomcat worker ({@link HeldAnswers}).
 */
final class FaultFilter extends ApiPathFilter {

  private final FaultPlanner planner;
  private final HeldAnswers held;
  private final ErrorBodies errors;
  private final boolean preferEnabled;

  FaultFilter(FaultPlanner planner, HeldAnswers held, ErrorBodies errors, boolean preferEnabled) {
    this.planner = planner;
    this.held = held;
    this.errors = errors;
    this.preferEnabled = preferEnabled;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    FaultPlan plan;
    try {
      plan = planner.plan(preferEnabled ? Preferences.of(request) : Preferences.none());
    } catch (FaultPlanner.BadDirective e) {
      errors.mockProblem(response, "bad-preference", e.getMessage(),
          "Prefer: fault= takes close, truncate, none or a status from 400 to 599; delay= whole milliseconds.");
      return;
    }
    if (plan.isNothing()) {
      chain.doFilter(request, response);
      return;
    }
    if (!plan.applied().isEmpty()) {
      response.addHeader(Preferences.PREFERENCE_APPLIED, plan.applied());
    }
    if (plan.delayMillis() == 0) {
      switch (plan.kind()) {
        case NONE -> chain.doFilter(request, response);
        case STATUS -> writeStatus(response, plan.status());
        case CLOSE -> close(request);
        case TRUNCATE -> {
          ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
          chain.doFilter(request, answer);
          cut(request, response, answer);
        }
      }
      return;
    }
    // Made now, sent later: the answer waits in memory, not on a worker thread.
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    switch (plan.kind()) {
      case NONE, TRUNCATE -> chain.doFilter(request, answer);
      case STATUS -> writeStatus(answer, plan.status());
      case CLOSE -> {
      }
    }
    held.hold(request, plan.delayMillis(), () -> finish(request, response, answer, plan));
  }

  private void finish(HttpServletRequest request, HttpServletResponse response, ContentCachingResponseWrapper answer,
                      FaultPlan plan) {
    try {
      switch (plan.kind()) {
        case NONE, STATUS -> answer.copyBodyToResponse();
        case CLOSE -> close(request);
        case TRUNCATE -> cut(request, response, answer);
      }
    } catch (IOException e) {
      // the client went away while its answer was held: nothing to send it
    }
  }

  private void writeStatus(HttpServletResponse response, int status) throws IOException {
    if (status == 429 || status == 503) {
      response.setHeader("Retry-After", Long.toString(planner.retryAfterSeconds()));
    }
    HttpStatus known = HttpStatus.resolve(status);
    errors.write(response, status, known == null ? "Error " + status : known.getReasonPhrase());
  }

  /**
   * Sends the status, the headers (with the whole answer's Content-Length) and the first half of
   * the body, then closes the connection. An answer without a body has nothing to cut: its
   * connection is closed without an answer, after the request did its work.
   */
  private static void cut(HttpServletRequest request, HttpServletResponse response, ContentCachingResponseWrapper answer)
      throws IOException {
    byte[] body = answer.getContentAsByteArray();
    if (body.length > 0) {
      response.setContentLength(body.length);
      response.getOutputStream().write(body, 0, body.length / 2);
      response.flushBuffer();
    }
    close(request);
  }

  private static void close(HttpServletRequest request) {
    if (!ConnectionCloser.closeNow(request)) {
      throw new IllegalStateException("the ConnectionCloser valve is not installed");
    }
  }
}
