package com.onautomate.opportunities.mockserver.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 NIO protocol with a deadline for a request's line and headers, counted from
 * their first byte. Tomcat parses headers without holding a worker thread between packets, but
 * bounds only the pause between two packets ({@code connectionTimeout}), so a client sending one
 * byte every few seconds keeps a connection open for as long as it likes. Once a second (on Tomcat's
 * own utility executor, as its async timeouts are checked) every connection whose request has
 * been in header parsing for longer than the deadline is closed.
 * (A body's deadline is {@link BodyPrefetchFilter}'s.)
 *
 * <p>Public with a no-argument constructor: Tomcat creates its protocol from the class name.
 */
public final class RequestDeadlineProtocol extends Http11NioProtocol {

  private volatile Duration headerDeadline = Duration.ofSeconds(10);
  private ScheduledFuture<?> check;

  /** {@code onautomate.request-timeouts.headers}: from a request's first byte to the end of its headers. */
  public void setHeaderDeadline(Duration headerDeadline) {
    this.headerDeadline = headerDeadline;
  }

  @Override
  public void start() throws Exception {
    super.start();
    check = getUtilityExecutor().scheduleWithFixedDelay(this::closeLateHeaders, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public void stop() throws Exception {
    if (check != null) {
      check.cancel(false);
    }
    super.stop();
  }

  /**
   * Between two reads of a request's headers, the connection holds the request's processor (a
   * worker running it takes it off, and a finished request gives it back to the pool, its start
   * time cleared); so a connection holding a processor whose request started is one whose headers
   * are incomplete, unless the request went async (its body being read, with its own deadline).
   */
  private void closeLateHeaders() {
    Instant late = Instant.now().minus(headerDeadline);
    for (SocketWrapperBase<?> connection : getEndpoint().getConnections()) {
      if (connection.getCurrentProcessor() instanceof AbstractProcessor processor && !processor.isAsync()) {
        Instant started = processor.getRequest().getStartInstant();
        if (started != null && started.isBefore(late)) {
          connection.close();
        }
      }
    }
  }
}
