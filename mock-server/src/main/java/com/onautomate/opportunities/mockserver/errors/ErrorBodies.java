package com.onautomate.opportunities.mockserver.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onautomate.opportunities.server.model.ErrorMessage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes the vendor's {@code {"msg": ...}} body where Spring MVC is not involved (filters). */
@Component
public class ErrorBodies {

  /**
   * The status of the mock server's own refusals (a {@code Prefer} preference it cannot honour):
   * 406, which the contract documents for no operation, so that no client mistakes the refusal for
   * an answer of the API (a test sending {@code Prefer: code=4O4} must not pass as a 404).
   */
  public static final int MOCK_PROBLEM_STATUS = HttpServletResponse.SC_NOT_ACCEPTABLE;
  /** RFC 9457's media type: the refusal is the mock's, not the vendor's {@code {"msg"}} body. */
  public static final String PROBLEM_JSON = "application/problem+json";

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
    write(response, status.value(), msg);
  }

  /** The {@code {"msg": ...}} body with any status, also one Spring has no constant for. */
  public void write(HttpServletResponse response, int status, String msg) throws IOException {
    byte[] body = json.writeValueAsBytes(new ErrorMessage(msg));
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    // Sent now: after a request Tomcat could not read to its end, it may close without flushing.
    response.flushBuffer();
  }

  /**
   * The mock server's own refusal of a request it cannot honour as asked, as RFC 9457 problem
   * details: {@code {"type": "urn:onautomate:mock-server:<kind>", "title", "status": 406, "detail"}}.
   */
  public void mockProblem(HttpServletResponse response, String kind, String title, String detail) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:onautomate:mock-server:" + kind);
    problem.put("title", title);
    problem.put("status", MOCK_PROBLEM_STATUS);
    problem.put("detail", detail);
    byte[] body = json.writeValueAsBytes(problem);
    response.setStatus(MOCK_PROBLEM_STATUS);
    response.setContentType(PROBLEM_JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
