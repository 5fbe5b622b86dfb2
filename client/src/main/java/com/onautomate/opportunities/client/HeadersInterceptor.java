package com.onautomate.opportunities.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds the bearer token, {@code Accept} and {@code User-Agent} to every request. */
final class HeadersInterceptor implements Interceptor {
  private final String authorization;
  private final String userAgent;

  HeadersInterceptor(String token, String userAgent) {
    this.authorization = "Bearer " + token;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder()
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
