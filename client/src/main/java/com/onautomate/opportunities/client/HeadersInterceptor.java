package com.onautomate.opportunities.client;

import java.io.IOException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds the bearer token, {@code Accept} and {@code User-Agent} to every request. */
final class HeadersInterceptor implements Interceptor {
  private final String authorization;
  private final String userAgent;
  /** The three headers, built once: most requests (every GET) arrive with no header at all. */
  private final Headers headers;

  HeadersInterceptor(String token, String userAgent) {
    this.authorization = "Bearer " + token;
    this.userAgent = userAgent;
    this.headers = new Headers.Builder()
        .add("Authorization", authorization)
        .add("Accept", "application/json")
        .add("User-Agent", userAgent)
        .build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.headers().size() == 0) {
      return chain.proceed(request.newBuilder().headers(headers).build());
    }
    return chain.proceed(request.newBuilder()
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .build());
  }

  @Override
  public String toString() {
    return "HeadersInterceptor{userAgent=" + userAgent + ", token=<redacted>}";
  }
}
