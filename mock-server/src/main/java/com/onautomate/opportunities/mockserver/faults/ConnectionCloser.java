package com.onautomate.opportunities.mockserver.faults;

import com.onautomate.opportunities.mockserver.web.ApiPathFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Lets the fault filter drop a connection, which the Servlet API cannot do: this Tomcat valve hands
 * each {@code /v1/} request Tomcat's own response object (as a request attribute), and
 * {@link #closeNow} tells Tomcat to write nothing more and close the socket ({@code CLOSE_NOW}, as
 * Tomcat does itself after an I/O error). Bytes already flushed stay sent: that is how an answer is
 * cut off halfway. Public only because Tomcat's pipeline takes valves by class.
 */
public final class ConnectionCloser extends ValveBase {

  private static final String ATTRIBUTE = ConnectionCloser.class.getName();

  public ConnectionCloser() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    if (ApiPathFilter.isApiPath(request.getDecodedRequestURI())) {
      request.setAttribute(ATTRIBUTE, response);
    }
    getNext().invoke(request, response);
  }

  /** Closes the request's connection without writing anything more; false if this valve did not see the request. */
  static boolean closeNow(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof Response response) {
      response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
      return true;
    }
    return false;
  }
}
