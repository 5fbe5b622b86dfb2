package com.onautomate.opportunities.client;

import com.onautomate.opportunities.mockserver.DemoData;
import com.onautomate.opportunities.mockserver.MockServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;

/**
 * Clients of a live mock server that record every status they receive and every wait before a
 * retry (the waits are really waited), for tests of the retry path against the real server.
 */
final class Recorded {
  final List<Integer> statuses = new CopyOnWriteArrayList<>();
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  /** A builder for {@code server} with the demo token; {@code prefer}, when not null, goes with every request. */
  OpportunitiesClient.Builder client(MockServer server, String prefer) {
    OkHttpClient recording = new OkHttpClient.Builder().addInterceptor(chain -> {
      okhttp3.Request request = prefer == null ? chain.request()
          : chain.request().newBuilder().header("Prefer", prefer).build();
      okhttp3.Response response = chain.proceed(request);
      statuses.add(response.code());
      return response;
    }).build();
    return OpportunitiesClient.builder()
        .baseUrl(server.baseUrl())
        .token(DemoData.TOKEN)
        .httpClient(recording)
        .sleeper(wait -> {
          waits.add(wait);
          Sleeper.REAL.sleep(wait);
        });
  }
}
