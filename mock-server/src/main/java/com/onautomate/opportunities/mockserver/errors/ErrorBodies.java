package com.onautomate.opportunities.mockserver.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onautomate.opportunities.server.model.ErrorMessage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes the vendor's {@code {"msg": ...}} body where Spring MVC is not involved (filters). */
@Component
public class ErrorBodies {

  private final ObjectMapper json;

  ErrorBodies(ObjectMapper json) {
    this.json = json;
  }

  /**
   * For a filter's database read that failed: 503 with {@code Retry-After} when the database cannot
   * be reached (see {@link DatabaseOutage}); any other failure is thrown on.
   */
  public void writeDatabaseOutageOrRethrow(RuntimeException failure, HttpServletResponse response) throws IOException {
    if (!DatabaseOutage.causedBy(failure)) {
      throw failure;
    }
    writeDatabaseOutage(response);
  }

  /** The database cannot be reached: 503 with {@code Retry-After}. */
  public void writeDatabaseOutage(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
    write(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MSG);
  }

  public void write(HttpServletResponse response, HttpStatus status, String msg) throws IOException {
    byte[] body = json.writeValueAsBytes(new ErrorMessage(msg));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    // Sent now: after a request Tomcat could not read to its end, it may close without flushing.
    response.flushBuffer();
  }
}
