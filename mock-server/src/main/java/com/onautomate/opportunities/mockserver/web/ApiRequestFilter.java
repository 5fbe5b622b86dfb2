package com.onautomate.opportunities.mockserver.web;

import com.onautomate.opportunities.mockserver.errors.ErrorBodies;
import com.onautomate.opportunities.mockserver.tenancy.CurrentLocation;
import com.onautomate.opportunities.mockserver.tenancy.Locations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Everything decided about an API request before Spring MVC sees it, in this order: the bearer
 * token (401), the rate limit (429, when on), and for the three operations that take a body its
 * size (413, before more than the limit is read, also for chunked bodies), its media type (415)
 * and its presence (400). The body read here is handed on, so it is read from the socket once.
 */
final class ApiRequestFilter extends ApiPathFilter {

  static final int MAX_BODY_BYTES = 65536;

  private static final Pattern BEARER = Pattern.compile("(?i)Bearer +([\\x21-\\x7E]{1,255}) *");
  // The three operations with a body, trailing slash or not.
  private static final Pattern COLLECTION = Pattern.compile("/v1/pipelines/[^/]+/opportunities/?");
  private static final Pattern ITEM_OR_STATUS = Pattern.compile("/v1/pipelines/[^/]+/opportunities/[^/]+(/status)?/?");

  private final Locations locations;
  private final RateLimiter rateLimiter;
  private final ErrorBodies errors;

  ApiRequestFilter(Locations locations, RateLimiter rateLimiter, ErrorBodies errors) {
    this.locations = locations;
    this.rateLimiter = rateLimiter;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!StrictUtf8.isPercentEncodedUtf8(request.getRequestURI())
        || !StrictUtf8.isPercentEncodedUtf8(request.getQueryString())) {
      errors.write(response, HttpStatus.BAD_REQUEST, "Bad Request");
      return;
    }
    String token = token(request.getHeader("Authorization"));
    Optional<String> location;
    try {
      location = token == null ? Optional.empty() : locations.locationOfToken(token);
    } catch (RuntimeException e) {
      errors.writeDatabaseOutageOrRethrow(e, response);
      return;
    }
    if (location.isEmpty()) {
      errors.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized");
      return;
    }
    request.setAttribute(CurrentLocation.ATTRIBUTE, location.get());

    if (rateLimiter != null) {
      RateLimiter.Decision decision = rateLimiter.acquire(token, System.currentTimeMillis());
      response.setHeader("X-RateLimit-Limit", Integer.toString(decision.limit()));
      response.setHeader("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
      response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetSeconds()));
      if (!decision.allowed()) {
        response.setHeader("Retry-After", Long.toString(decision.resetSeconds()));
        errors.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests");
        return;
      }
    }

    if (takesBody(request)) {
      if (request.getContentLengthLong() > MAX_BODY_BYTES) {
        errors.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large");
        return;
      }
      byte[] body;
      try {
        body = readAtMost(request.getInputStream(), MAX_BODY_BYTES + 1);
      } catch (IOException e) {
        // A body that broke off (or a malformed chunked encoding): the client's request is unreadable.
        errors.write(response, HttpStatus.BAD_REQUEST, "Bad Request");
        return;
      }
      if (body.length > MAX_BODY_BYTES) {
        errors.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large");
        return;
      }
      if (body.length == 0) {
        errors.write(response, HttpStatus.BAD_REQUEST, "Bad Request");
        return;
      }
      if (!isJson(request.getContentType(), body)) {
        errors.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type");
        return;
      }
      if (!StrictUtf8.isJsonText(body)) {
        errors.write(response, HttpStatus.BAD_REQUEST, "Bad Request");
        return;
      }
      request = new JsonBodyRequest(request, body);
    }
    chain.doFilter(request, response);
  }

  private static String token(String header) {
    if (header == null) {
      return null;
    }
    var matcher = BEARER.matcher(header);
    return matcher.matches() ? matcher.group(1) : null;
  }

  private static boolean takesBody(HttpServletRequest request) {
    String method = request.getMethod();
    String path = request.getRequestURI();
    if ("POST".equals(method)) {
      return COLLECTION.matcher(path).matches();
    }
    return "PUT".equals(method) && ITEM_OR_STATUS.matcher(path).matches();
  }

  /**
   * JSON, or curl's default form type carrying a JSON object: the vendor's own curl examples send
   * {@code --data-raw '{...}'} without a Content-Type, and they must work as printed.
   */
  private static boolean isJson(String contentType, byte[] body) {
    if (contentType == null) {
      return false;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
        || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"))) {
      return true;
    }
    if (type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED) && !type.isWildcardSubtype()) {
      for (byte b : body) {
        if (b == '{') {
          return true;
        }
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
          return false;
        }
      }
    }
    return false;
  }

  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    return in.readNBytes(max);
  }

  /** The request with its body already read, sent on as application/json. */
  private static final class JsonBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    JsonBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public String getContentType() {
      return MediaType.APPLICATION_JSON_VALUE;
    }

    @Override
    public String getHeader(String name) {
      return "Content-Type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Content-Type".equalsIgnoreCase(name)
          ? Collections.enumeration(java.util.List.of(getContentType())) : super.getHeaders(name);
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getCharacterEncoding() {
      return StandardCharsets.UTF_8.name();
    }

    @Override
    public ServletInputStream getInputStream() {
      return new BufferedBody(body, false);
    }
  }
}
