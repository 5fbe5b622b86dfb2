package com.onautomate.opportunities.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs a Retrofit call: sends it, retries it as the {@link RetryPolicy} allows, and turns every
 * failure into an {@link OpportunitiesException}. No {@link Response} leaves this class.
 *
 * <p>It logs method, path, status and timing, never headers or bodies, so the token cannot
 * reach a log.
 */
final class CallRunner {
  static final Logger LOG = System.getLogger(OpportunitiesClient.class.getName());

  private final ErrorMapper errors;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final BooleanSupplier closed;

  CallRunner(ErrorMapper errors, RetryPolicy retryPolicy, Sleeper sleeper, DoubleSupplier random, BooleanSupplier closed) {
    this.errors = errors;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.random = random;
    this.closed = closed;
  }

  /** Runs a call whose success has a body. */
  <T> T body(Call<T> call) {
    T body = run(call);
    if (body == null) {
      Request request = call.request();
      throw new OpportunitiesIoException(
          "The answer to " + describe(request) + " had no body.", new IOException("empty body"));
    }
    return body;
  }

  /** Runs a call and returns its decoded body, null for an empty one. */
  <T> @Nullable T run(Call<T> call) {
    if (closed.getAsBoolean()) {
      throw new IllegalStateException("Client closed.");
    }
    Request request = call.request();
    String what = describe(request);
    long start = System.nanoTime();
    int retries = 0;
    Call<T> attempt = call;
    while (true) {
      long sent = System.nanoTime();
      Response<T> response;
      try {
        response = attempt.execute();
      } catch (JsonProcessingException e) {
        LOG.log(Level.DEBUG, () -> what + " answered a body that could not be read: " + e.getOriginalMessage());
        throw new OpportunitiesIoException("Could not read the answer to " + what + ": " + e.getOriginalMessage(), e);
      } catch (IOException e) {
        LOG.log(Level.DEBUG, () -> what + " failed: " + e);
        throw new OpportunitiesIoException(what + " failed: " + e, e);
      }
      long tookMs = (System.nanoTime() - sent) / 1_000_000;
      int status = response.code();
      LOG.log(Level.DEBUG, () -> what + " -> " + status + " in " + tookMs + " ms");
      if (response.isSuccessful()) {
        return response.body();
      }
      OpportunitiesServiceException error = errors.map(request, response);
      Duration retryAfter = error instanceof RateLimitException rateLimit
          ? rateLimit.retryAfter().orElse(null)
          : ErrorMapper.retryAfter(response.headers().get("Retry-After"));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      Optional<Duration> delay =
          retryPolicy.delayBeforeRetry(request.method(), status, retryAfter, retries, elapsed, random);
      if (delay.isEmpty()) {
        throw error;
      }
      retries++;
      int retry = retries;
      LOG.log(Level.INFO, () -> what + " answered " + status + "; retry " + retry + " of "
          + retryPolicy.maxRetries() + " in " + delay.get().toMillis() + " ms");
      try {
        sleeper.sleep(delay.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException cause = new InterruptedIOException("interrupted while waiting to retry");
        cause.addSuppressed(error);
        throw new OpportunitiesIoException(what + " was interrupted while waiting to retry after " + status + ".", cause);
      }
      attempt = call.clone();
    }
  }

  /** "GET /v1/pipelines/…/opportunities": never the query (it may hold emails and phones). */
  static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }
}
