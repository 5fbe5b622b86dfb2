package com.onautomate.opportunities.mockserver.web;

import com.onautomate.opportunities.mockserver.errors.ErrorBodies;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request's body before any worker thread works on the request, so that clients that send
 * their body slowly (or stop halfway) hold no thread. Tomcat reads a body with a blocking read on
 * the worker thread that runs the servlet, and waits up to its connection timeout for every
 * packet: eight such clients held all eight workers of a two-core machine and every other request
 * waited (issue 18). Here the body is read with the Servlet API's non-blocking input (a
 * {@link ReadListener} on an async request: a thread only runs when bytes arrived), at most
 * {@code limit + 1} bytes, within {@code deadline} from the end of the headers; then the request is
 * dispatched again, with the bytes, through every filter after this one. A request without a body
 * passes straight through.
 *
 * <p>A known flaw of Tomcat 10.1 with chunked bodies (no Content-Length): when the last chunk is
 * read, Tomcat processes the connection again, on the same thread, with a second processor. If the
 * client had already half-closed its side of the connection, that second processor sees the end of
 * input and closes the connection: the request is handled (a create is stored) but its answer is
 * never sent. HTTP clients do not half-close before the answer (curl, OkHttp, the JDK's and
 * Python's clients do not); a blocking read, which avoids the flaw, would hold a thread again and
 * is not bounded by the deadline once the request is async.
 *
 * <p>To the filters after this one the dispatched request looks like the plain request it is
 * ({@link DispatcherType#REQUEST}, the body readable once, as sent): they run once, with the whole
 * body there. What this filter does not decide, it leaves to them: a body over the limit is handed
 * on cut at {@code limit + 1} bytes (the API answers 413), a body that broke off is handed on as
 * one whose read fails (400). Only a body that is not complete at the deadline is answered here:
 * {@code 408 {"msg": "Request Timeout"}}, and the connection closed. Whenever the body was not
 * read to its end, the answer closes the connection, so Tomcat never waits for the rest.
 */
final class BodyPrefetchFilter extends OncePerRequestFilter {

  private static final String PREFETCHED = BodyPrefetchFilter.class.getName() + ".body";

  /** What was read: the bytes, and whether the body ended there, went on past the limit or broke off. */
  private record Prefetched(byte[] bytes, End end) {
  }

  private enum End { COMPLETE, OVER_LIMIT, BROKEN }

  private final int limit;
  private final long deadlineMillis;
  private final ErrorBodies errors;

  BodyPrefetchFilter(int limit, long deadlineMillis, ErrorBodies errors) {
    this.limit = limit;
    this.deadlineMillis = deadlineMillis;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null
        && request.getAttribute(PREFETCHED) == null;
  }

  /** The second pass, once the body is read, is this filter's too: it hands the bytes on. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      Object prefetched = request.getAttribute(PREFETCHED);
      if (prefetched instanceof Prefetched body) {
        request.removeAttribute(PREFETCHED);
        if (body.end() != End.COMPLETE) {
          response.setHeader("Connection", "close");
        }
        chain.doFilter(new PrefetchedRequest(request, body), response);
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(deadlineMillis);
    Reader reader = new Reader(async, request);
    async.addListener(reader);
    if (request.getContentLengthLong() > limit) {
      reader.finish(new Prefetched(new byte[0], End.OVER_LIMIT)); // declared too large: not read at all
    } else {
      request.getInputStream().setReadListener(reader);
    }
  }

  /** Reads the body as it arrives, on whatever container thread has bytes for it, then dispatches. */
  private final class Reader implements ReadListener, AsyncListener {
    private final AsyncContext async;
    private final HttpServletRequest request;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[8192];
    private final AtomicBoolean done = new AtomicBoolean();

    Reader(AsyncContext async, HttpServletRequest request) {
      this.async = async;
      this.request = request;
    }

    @Override
    public void onDataAvailable() throws IOException {
      ServletInputStream in = request.getInputStream();
      while (!done.get() && in.isReady()) {
        int read = in.read(chunk);
        if (read < 0) {
          return; // onAllDataRead follows
        }
        bytes.write(chunk, 0, read);
        if (bytes.size() > limit) {
          finish(new Prefetched(Arrays.copyOf(bytes.toByteArray(), limit + 1), End.OVER_LIMIT));
        }
      }
    }

    @Override
    public void onAllDataRead() {
      finish(new Prefetched(bytes.toByteArray(), End.COMPLETE));
    }

    @Override
    public void onError(Throwable failure) {
      finish(new Prefetched(bytes.toByteArray(), End.BROKEN));
    }

    void finish(Prefetched body) {
      if (done.compareAndSet(false, true)) {
        request.setAttribute(PREFETCHED, body);
        async.dispatch();
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
      if (done.compareAndSet(false, true)) {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        response.setHeader("Connection", "close");
        errors.write(response, HttpStatus.REQUEST_TIMEOUT, "Request Timeout");
        async.complete();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onError(AsyncEvent event) {
      onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
  }

  /** The request with its body already read: a plain request to everything after this filter. */
  private static final class PrefetchedRequest extends HttpServletRequestWrapper {
    private final BufferedBody body;

    PrefetchedRequest(HttpServletRequest request, Prefetched prefetched) {
      super(request);
      this.body = new BufferedBody(prefetched.bytes(), prefetched.end() == End.BROKEN);
    }

    @Override
    public DispatcherType getDispatcherType() {
      return DispatcherType.REQUEST;
    }

    @Override
    public ServletInputStream getInputStream() {
      return body;
    }

    @Override
    public BufferedReader getReader() {
      Charset charset = StandardCharsets.UTF_8;
      try {
        if (getCharacterEncoding() != null) {
          charset = Charset.forName(getCharacterEncoding());
        }
      } catch (IllegalArgumentException e) {
        // an encoding name Java does not know: read as UTF-8, the only encoding the API takes
      }
      return new BufferedReader(new InputStreamReader(body, charset));
    }
  }
}
