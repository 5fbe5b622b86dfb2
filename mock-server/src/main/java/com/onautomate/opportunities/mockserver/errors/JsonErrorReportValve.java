package com.onautomate.opportunities.mockserver.errors;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers in the API's {@code {"msg": ...}} JSON instead of its HTML page: the
 * ones it gives before any servlet runs, for a request it cannot parse (a space or {@code {} in the
 * request line, a bad header, a request line that is not HTTP). Everything the application answers
 * has a body already and is left alone. Tomcat's 501 (CONNECT, a transfer coding it does not
 * implement) and 505 (an HTTP version other than 1.0 and 1.1) are such requests too, the client's
 * doing, not the server's: they are answered 400 like every request the API cannot read, so that no
 * client's mistake shows as a 5xx. The body is sent with its length, so the answer is whole even
 * when Tomcat closes the connection right after it. Public only because Tomcat instantiates its
 * host's error valve by class name.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

  /** Installs the valve on the embedded Tomcat's host. */
  public static WebServerFactoryCustomizer<TomcatServletWebServerFactory> customizer() {
    return factory -> factory.addContextCustomizers(
        context -> ((StandardHost) context.getParent()).setErrorReportValveClass(JsonErrorReportValve.class.getName()));
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    if (status == HttpStatus.NOT_IMPLEMENTED.value() || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
      status = HttpStatus.BAD_REQUEST.value();
      response.setStatus(status);
    }
    HttpStatus known = HttpStatus.resolve(status);
    String body = "{\"msg\":\"" + (known == null ? "Error " + status : known.getReasonPhrase()) + "\"}";
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.setContentLength(body.length());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone, or the response was committed meanwhile: nothing more to say
    }
  }
}
