package com.onautomate.opportunities.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onautomate.opportunities.client.model.FieldError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/** The one place where an error status becomes an exception. */
final class ErrorMapper {
  private static final TypeReference<LinkedHashMap<String, FieldError>> FIELD_MAP = new TypeReference<>() {};

  private final ObjectMapper json;

  ErrorMapper(ObjectMapper json) {
    this.json = json;
  }

  /** Reads the error answer (consuming its body) and returns the exception for its status. */
  OpportunitiesServiceException map(Request request, retrofit2.Response<?> response) {
    ErrorResponse error = read(request, response);
    int status = error.status();
    if (status == 400) {
      return new BadRequestException(error);
    } else if (status == 401) {
      return new UnauthorizedException(error);
    } else if (status == 404) {
      return new NotFoundException(error);
    } else if (status == 422) {
      return new ValidationException(error);
    } else if (status == 429) {
      return new RateLimitException(error);
    } else if (status >= 500 && status <= 599) {
      return new ServerException(error);
    }
    return new UnexpectedStatusException(error);
  }

  private ErrorResponse read(Request request, retrofit2.Response<?> response) {
    String rawBody = "";
    try (ResponseBody body = response.errorBody()) {
      if (body != null) {
        rawBody = new String(body.bytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      // The status is known; a body cut short leaves the exception with what could be read.
    }
    Headers headers = response.headers();
    JsonNode tree = parse(rawBody);
    String msg = tree != null && tree.path("msg").isTextual() ? tree.get("msg").asText() : null;
    Map<String, FieldError> fieldErrors = response.code() == 422 ? fieldErrors(tree) : Map.of();
    Duration retryAfter = retryAfter(headers.get("Retry-After"));
    return new ErrorResponse(
        request.method(),
        request.url().encodedPath(),
        response.code(),
        headerMap(headers),
        rawBody,
        msg,
        fieldErrors,
        retryAfter);
  }

  private @Nullable JsonNode parse(String rawBody) {
    if (rawBody.isBlank()) {
      return null;
    }
    try {
      return json.readTree(rawBody);
    } catch (IOException e) {
      return null; // not JSON (a proxy's HTML page): the raw body is still on the exception
    }
  }

  private Map<String, FieldError> fieldErrors(@Nullable JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      return Map.of();
    }
    try {
      return Collections.unmodifiableMap(json.convertValue(tree, FIELD_MAP));
    } catch (IllegalArgumentException e) {
      return Map.of(); // not the documented field map
    }
  }

  private static Map<String, List<String>> headerMap(Headers headers) {
    Map<String, List<String>> map = new TreeMap<>();
    headers.toMultimap().forEach((name, values) -> map.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(map);
  }

  /** {@code Retry-After} as seconds or an HTTP date (RFC 9110); null when missing or unreadable. */
  static @Nullable Duration retryAfter(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
