package com.onautomate.opportunities.client;

import com.onautomate.opportunities.client.model.FieldError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** An error answer, read and decoded once by {@link ErrorMapper}; the exceptions' constructor argument. */
final class ErrorResponse {
  private final String method;
  private final String path;
  private final int status;
  private final Map<String, List<String>> headers;
  private final String rawBody;
  private final @Nullable String msg;
  private final Map<String, FieldError> fieldErrors;
  private final @Nullable Duration retryAfter;

  ErrorResponse(
      String method,
      String path,
      int status,
      Map<String, List<String>> headers,
      String rawBody,
      @Nullable String msg,
      Map<String, FieldError> fieldErrors,
      @Nullable Duration retryAfter) {
    this.method = method;
    this.path = path;
    this.status = status;
    this.headers = headers;
    this.rawBody = rawBody;
    this.msg = msg;
    this.fieldErrors = fieldErrors;
    this.retryAfter = retryAfter;
  }

  int status() {
    return status;
  }

  Map<String, List<String>> headers() {
    return headers;
  }

  String rawBody() {
    return rawBody;
  }

  @Nullable String msg() {
    return msg;
  }

  Map<String, FieldError> fieldErrors() {
    return fieldErrors;
  }

  @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /** The exception message: status, method and path (never the query, which may hold emails), and what the body said. */
  String describe() {
    StringBuilder text = new StringBuilder().append(status).append(" on ").append(method).append(' ').append(path);
    if (!fieldErrors.isEmpty()) {
      text.append(": ")
          .append(fieldErrors.entrySet().stream()
              .map(e -> e.getKey() + " (" + e.getValue().getRule() + ": " + e.getValue().getMessage() + ")")
              .collect(Collectors.joining(", ")));
    } else if (msg != null) {
      text.append(": ").append(msg);
    }
    if (retryAfter != null) {
      text.append(" (retry after ").append(retryAfter.toSeconds()).append(" s)");
    }
    return text.toString();
  }
}
