package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.web.PublicBaseUrl;
import com.onautomate.opportunities.server.model.PageMeta;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The list's {@code meta}: page numbers, and the next page's absolute URL with the same query, on
 * the server's {@link PublicBaseUrl} (never the request's {@code Host}).
 */
@Component
class PageLinks {

  private final PublicBaseUrl baseUrl;

  PageLinks(PublicBaseUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  PageMeta meta(String pipelineId, ListQuery query, long total) {
    long shown = (long) query.page() * query.limit();
    Integer next = shown < total ? query.page() + 1 : null;
    Integer prev = query.page() > 1 ? query.page() - 1 : null;
    return new PageMeta(total, query.page(), next, prev, next == null ? null : nextUrl(pipelineId, next));
  }

  private URI nextUrl(String pipelineId, int nextPage) {
    HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    StringBuilder url = new StringBuilder(128);
    url.append(baseUrl.of(request))
        .append("/v1/pipelines/").append(UriUtils.encodePathSegment(pipelineId, StandardCharsets.UTF_8))
        .append("/opportunities?page=").append(nextPage);
    String query = request.getQueryString();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (!pair.isEmpty() && !pair.equals("page") && !pair.startsWith("page=")) {
          url.append('&').append(pair);
        }
      }
    }
    try {
      return URI.create(url.toString());
    } catch (IllegalArgumentException e) {
      return rebuilt(request, pipelineId, nextPage);
    }
  }

  /** For a query string the client sent with characters a URI may not hold: encode it anew. */
  private URI rebuilt(HttpServletRequest request, String pipelineId, int nextPage) {
    StringBuilder url = new StringBuilder(128);
    url.append(baseUrl.of(request))
        .append("/v1/pipelines/").append(UriUtils.encodePathSegment(pipelineId, StandardCharsets.UTF_8))
        .append("/opportunities?page=").append(nextPage);
    request.getParameterMap().forEach((name, values) -> {
      if (!name.equals("page")) {
        for (String value : values) {
          url.append('&').append(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8))
              .append('=').append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
        }
      }
    });
    return URI.create(url.toString());
  }
}
