package com.onautomate.opportunities.mockserver.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container reports outside Spring MVC (e.g. from a filter, or a body Tomcat could
 * not decode), as a {@code msg} body written with its length, so that the answer is whole even
 * when Tomcat closes the connection right after it. {@code /error} asked for by a client (no error
 * being reported) is a path like any unknown one: 404.
 */
@RestController
class JsonErrorController implements ErrorController {

  private final ErrorBodies errors;

  JsonErrorController(ErrorBodies errors) {
    this.errors = errors;
  }

  @RequestMapping("/error")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code == null) {
      errors.write(response, HttpStatus.NOT_FOUND, HttpStatus.NOT_FOUND.getReasonPhrase());
      return;
    }
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
        && DatabaseOutage.causedBy(failure)) {
      errors.writeDatabaseOutage(response);
      return;
    }
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    errors.write(response, status, status.getReasonPhrase());
  }
}
