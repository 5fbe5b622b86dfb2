package com.onautomate.opportunities.mockserver.errors;

import com.onautomate.opportunities.server.model.ErrorMessage;
import com.onautomate.opportunities.server.model.FieldError;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to the contract's statuses and bodies. Only what is truly the client's fault
 * becomes a 4xx; a database that cannot be reached is 503 with {@code Retry-After}
 * ({@link DatabaseOutage}); anything else is a bug and is answered 500 and logged, so tests see it.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ErrorMessage> api(ApiException e) {
    return msg(e.status(), e.msg());
  }

  @ExceptionHandler(ValidationException.class)
  ResponseEntity<Map<String, FieldError>> validation(ValidationException e) {
    return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_JSON).body(e.problems().asMap());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorMessage> unreadable(HttpMessageNotReadableException e) {
    return msg(HttpStatus.BAD_REQUEST, "Bad Request");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorMessage> mediaType(HttpMediaTypeNotSupportedException e) {
    return msg(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ErrorMessage> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return msg(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorMessage> method(HttpRequestMethodNotSupportedException e) {
    Set<HttpMethod> allowed = e.getSupportedHttpMethods();
    HttpHeaders headers = new HttpHeaders();
    if (allowed != null) {
      headers.setAllow(allowed);
      headers.set(HttpHeaders.ALLOW, allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", ")));
    }
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers)
        .contentType(MediaType.APPLICATION_JSON).body(new ErrorMessage("Method Not Allowed"));
  }

  @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
  ResponseEntity<ErrorMessage> noRoute(Exception e) {
    return msg(HttpStatus.NOT_FOUND, "Not Found");
  }

  /** Only reached for a value the query validation let through but Spring could not convert. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, FieldError>> typeMismatch(MethodArgumentTypeMismatchException e) {
    FieldProblems problems = new FieldProblems().invalid(e.getName());
    return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_JSON).body(problems.asMap());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, FieldError>> missingParameter(MissingServletRequestParameterException e) {
    FieldProblems problems = new FieldProblems().required(e.getParameterName());
    return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_JSON).body(problems.asMap());
  }

  /** The client closed the connection while the answer was written: nothing to answer, and no bug. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e) {
    log.debug("Client went away: {}", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorMessage> bug(Exception e) {
    if (DatabaseOutage.causedBy(e)) {
      return databaseOutage(e);
    }
    log.error("Unexpected failure: a bug of the mock server", e);
    return msg(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error");
  }

  private static ResponseEntity<ErrorMessage> databaseOutage(Throwable e) {
    log.warn("Database unreachable, answered 503: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
        .contentType(MediaType.APPLICATION_JSON).body(new ErrorMessage(DatabaseOutage.MSG));
  }

  private static ResponseEntity<ErrorMessage> msg(HttpStatus status, String msg) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorMessage(msg));
  }
}
