package com.onautomate.opportunities.mockserver.web;

import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

/**
 * Lets a browser app on another origin call the API and read the contract, with Spring's CORS
 * handling: a preflight ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}) is answered here, with the methods, the headers the app
 * asks for (its {@code Authorization}, {@code Content-Type}, {@code Prefer}) and the headers it
 * may read ({@code Retry-After}, {@code X-RateLimit-*}, {@code Preference-Applied}); a cross-origin
 * request gets {@code Access-Control-Allow-Origin} and goes on, to its usual answer (401s and 429s
 * included, so the app can read them). An origin that is not allowed gets
 * {@code 403 {"msg": "Forbidden"}} and reaches nothing. A request without {@code Origin} (every
 * non-browser client, and a plain {@code OPTIONS}, still answered with {@code Allow}) is not
 * touched: not even a {@code Vary} header is added. {@code /__admin/} is not opened to other origins.
 */
final class CrossOriginFilter extends CorsFilter {

  /** The headers an app on another origin may read besides the CORS-safelisted ones. */
  static final List<String> EXPOSED = List.of("Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining",
      "X-RateLimit-Reset", "Preference-Applied", "Allow");

  private static final Set<String> CONTRACT_PAGES = Set.of("/openapi.yaml", "/openapi.yml", "/openapi.json");

  CrossOriginFilter(MockServerProperties.Cors settings) {
    super(source(configuration(settings)));
    setCorsProcessor(new JsonRejections());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getHeader(HttpHeaders.ORIGIN) == null;
  }

  private static CorsConfigurationSource source(CorsConfiguration configuration) {
    return request -> {
      String path = request.getRequestURI();
      return ApiPathFilter.isApiPath(path) || CONTRACT_PAGES.contains(path) ? configuration : null;
    };
  }

  private static CorsConfiguration configuration(MockServerProperties.Cors settings) {
    CorsConfiguration configuration = new CorsConfiguration();
    if (settings.allowedOrigins().contains(CorsConfiguration.ALL)) {
      configuration.addAllowedOrigin(CorsConfiguration.ALL);
    } else {
      configuration.setAllowedOriginPatterns(settings.allowedOrigins());
    }
    configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
    configuration.addAllowedHeader(CorsConfiguration.ALL);
    configuration.setExposedHeaders(EXPOSED);
    // A bearer token in a header, never a cookie: no credentials mode, so "*" can stay "*".
    configuration.setAllowCredentials(false);
    configuration.setMaxAge(1800L);
    return configuration;
  }

  /** Spring's rejection with the API's JSON error body instead of its plain-text one. */
  private static final class JsonRejections extends DefaultCorsProcessor {
    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
      byte[] body = "{\"msg\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8);
      response.setStatusCode(HttpStatus.FORBIDDEN);
      response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
      response.getHeaders().setContentLength(body.length);
      response.getBody().write(body);
      response.flush();
    }
  }
}
