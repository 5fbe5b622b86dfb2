package com.onautomate.opportunities.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 429 waited out as Retry-After says (seconds or HTTP date), bounded, counted; and the --rate-limit forms. */
class RateLimitedSenderTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Request GET = new Request("GET", "/v1/x", List.of(), Map.of(), null);

  private final List<Long> slept = new ArrayList<>();

  private static Response answer(int status, String retryAfter) {
    return new Response(status, retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)), "", 1);
  }

  private RateLimitedSender sender(Response... answers) {
    Deque<Response> queue = new ArrayDeque<>(List.of(answers));
    return new RateLimitedSender(request -> queue.removeFirst(), null, Clock.fixed(NOW, ZoneOffset.UTC),
        slept::add);
  }

  @Test
  void a429IsWaitedOutAsRetryAfterSaysInSecondsThenSentAgain() {
    RateLimitedSender s = sender(answer(429, "2"), answer(429, "1.5"), answer(200, null));

    Response r = s.send(GET);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.rateLimitedBefore()).extracting(Response::status).containsExactly(429, 429);
    assertThat(slept).containsExactly(2000L, 1500L);
    assertThat(s.waits()).isEqualTo(2);
    assertThat(s.waited()).isEqualTo(Duration.ofMillis(3500));
    assertThat(s.gaveUp()).isZero();
  }

  @Test
  void anHttpDateRetryAfterIsWaitedUntilThatTime() {
    RateLimitedSender s = sender(answer(429, "Tue, 01 Dec 2026 12:00:07 GMT"), answer(200, null));

    assertThat(s.send(GET).status()).isEqualTo(200);
    assertThat(slept).containsExactly(7000L);
  }

  @Test
  void waitsAreBoundedAndSoAreTheRetries() {
    RateLimitedSender s = sender(answer(429, "3600"), answer(429, "1"), answer(429, "1"), answer(429, "1"));

    Response r = s.send(GET);

    assertThat(r.status()).isEqualTo(429);
    assertThat(slept).containsExactly(RateLimitedSender.MAX_WAIT_SECONDS * 1000L, 1000L, 1000L);
    assertThat(s.waits()).isEqualTo(RateLimitedSender.MAX_RETRIES);
    assertThat(s.gaveUp()).isEqualTo(1);
  }

  @Test
  void a429WithoutAReadableRetryAfterIsTheAnswer() {
    for (String unreadable : new String[] {null, "", "soon", "-1"}) {
      slept.clear();
      RateLimitedSender s = sender(answer(429, unreadable), answer(200, null));
      assertThat(s.send(GET).status()).as(unreadable).isEqualTo(429);
      assertThat(slept).as(unreadable).isEmpty();
      assertThat(s.gaveUp()).isEqualTo(1);
    }
  }

  @Test
  void aDateInThePastAsksForNoWait() {
    assertThat(RateLimitedSender.retryAfter("Tue, 01 Dec 2026 11:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void rateLimitFormsAsSchemathesisWritesThem() {
    assertThat(RateLimit.parse("10/s").interval()).isEqualTo(Duration.ofMillis(100));
    assertThat(RateLimit.parse("100/m").interval()).isEqualTo(Duration.ofMillis(600));
    assertThat(RateLimit.parse("1000/h").interval()).isEqualTo(Duration.ofMillis(3600));
    assertThat(RateLimit.parse("100/10s").interval()).isEqualTo(Duration.ofMillis(100));
    assertThatThrownBy(() -> RateLimit.parse("fast")).hasMessageContaining("--rate-limit must look like 10/s");
    assertThatThrownBy(() -> RateLimit.parse("0/s")).hasMessageContaining("at least one request");
  }
}
