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
 * has a body already and is left alone. Public only because Tomcat instantiates its host's error
 * valve by class name.
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
    HttpStatus known = HttpStatus.resolve(status);
    String msg = known == null ? "Error " + status : known.getReasonPhrase();
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"msg\":\"" + msg + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone, or the response was committed meanwhile: nothing more to say
    }
  }
}
