package com.onautomate.opportunities.mockserver.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter for the API's own paths only ({@code /v1/}): never for the contract's pages, the docs,
 * or whatever else the server serves (admin endpoints under {@code /__admin/} included).
 */
public abstract class ApiPathFilter extends OncePerRequestFilter {

  /** Where the contract's paths start. */
  public static final String API_PREFIX = "/v1/";

  /** Whether a request path is one of the API's. */
  public static boolean isApiPath(String path) {
    return path.startsWith(API_PREFIX);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isApiPath(request.getRequestURI());
  }
}
