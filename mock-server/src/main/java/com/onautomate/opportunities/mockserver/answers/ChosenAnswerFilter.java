package com.onautomate.opportunities.mockserver.answers;

import com.onautomate.opportunities.mockserver.answers.ChosenAnswers.Answer;
import com.onautomate.opportunities.mockserver.answers.ChosenAnswers.Outcome;
import com.onautomate.opportunities.mockserver.answers.ChosenAnswers.Refusal;
import com.onautomate.opportunities.mockserver.answers.DocumentedOperations.Operation;
import com.onautomate.opportunities.mockserver.errors.ErrorBodies;
import com.onautomate.opportunities.mockserver.web.ApiPathFilter;
import com.onautomate.opportunities.mockserver.web.Preferences;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers a request that asks for a documented answer, as Stoplight Prism does: {@code Prefer:
 * code=429}, {@code Prefer: example=duplicate}, or both ({@code Prefer: code=400,
 * example=duplicate}); without a {@code Prefer} header, Prism's query parameters {@code __code}
 * and {@code __example} do the same. The answer is the contract's, and the request goes no
 * further: nothing is read or written in the store. It runs after the token check, the rate limit
 * and the body checks ({@code web.ApiRequestFilter}), which still apply, as Prism's security and
 * validation answers win over a preferred code. A code or example the operation does not document
 * is refused with the mock server's own 406 ({@link ErrorBodies#mockProblem}). A request for no
 * operation of the contract (unknown path, other method) goes on and gets its usual 404 or 405.
 */
final class ChosenAnswerFilter extends ApiPathFilter {

  private final Supplier<ChosenAnswers> answers;
  private final ErrorBodies errors;

  /** {@code answers}: called on the first request that asks, so that a server nobody asks pays nothing at start. */
  ChosenAnswerFilter(Supplier<ChosenAnswers> answers, ErrorBodies errors) {
    this.answers = answers;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String code;
    String example;
    Preferences preferences = Preferences.of(request);
    if (!preferences.isEmpty()) {
      code = preferences.get("code").orElse(null);
      example = preferences.get("example").orElse(null);
    } else {
      String query = request.getQueryString();
      code = query == null ? null : queryValue(query, "__code");
      example = query == null ? null : queryValue(query, "__example");
    }
    if (code == null && example == null) {
      chain.doFilter(request, response);
      return;
    }
    ChosenAnswers chosen = answers.get();
    Optional<Operation> operation = chosen.operation(request.getMethod(), request.getRequestURI());
    if (operation.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Outcome outcome = chosen.choose(operation.get(), code, example);
    if (outcome instanceof Refusal refusal) {
      errors.mockProblem(response, refusal.kind(), refusal.title(), refusal.detail());
      return;
    }
    Answer answer = (Answer) outcome;
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    response.setHeader(Preferences.PREFERENCE_APPLIED, answer.applied());
    answer.contentType().ifPresent(response::setContentType);
    response.setContentLength(answer.body().length);
    response.getOutputStream().write(answer.body());
  }

  /** The first value of a query parameter, decoded (as sent, if it is not valid percent-encoding); null when absent. */
  static String queryValue(String query, String name) {
    if (!query.contains(name)) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (decoded(equals < 0 ? pair : pair.substring(0, equals)).equals(name)) {
        return equals < 0 ? "" : decoded(pair.substring(equals + 1));
      }
    }
    return null;
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
