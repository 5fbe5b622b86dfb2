package com.onautomate.opportunities.mockserver.faults;

import com.onautomate.opportunities.mockserver.faults.FaultPlan.Kind;
import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import com.onautomate.opportunities.mockserver.web.Preferences;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides each request's {@link FaultPlan}: from its {@code Prefer: fault=} and {@code delay=}
 * directives when it has them, else from the settings' rates. The n-th request the server checks
 * draws its numbers from a generator seeded with (seed, n), so the same seed gives the same
 * faults to the same sequence of requests, however many threads serve them; every checked request
 * takes its place in the sequence, also one whose directives decide its fate.
 */
final class FaultPlanner {

  /** A directive that cannot be honoured: the request is refused, with this reason. */
  static final class BadDirective extends Exception {
    BadDirective(String message) {
      super(message, null, false, false);
    }
  }

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final MockServerProperties.Faults settings;
  private final boolean injecting;
  private final AtomicLong requests = new AtomicLong();

  FaultPlanner(MockServerProperties.Faults settings) {
    this.settings = settings;
    this.injecting = settings.enabled();
  }

  /** Whether the settings inject anything: when not, only a request's own directives do. */
  boolean injecting() {
    return injecting;
  }

  FaultPlan plan(Preferences preferences) throws BadDirective {
    String fault = preferences.get("fault").orElse(null);
    String delay = preferences.get("delay").orElse(null);
    if (!injecting && fault == null && delay == null) {
      return FaultPlan.NOTHING;
    }
    SplittableRandom draws = injecting ? new SplittableRandom(settings.seed() + requests.getAndIncrement() * GOLDEN_GAMMA) : null;
    double faultDraw = draws == null ? 1 : draws.nextDouble();
    double delayDraw = draws == null ? 1 : draws.nextDouble();
    double latencyDraw = draws == null ? 0 : draws.nextDouble();

    StringJoiner applied = new StringJoiner(", ");
    Kind kind = Kind.NONE;
    int status = 0;
    if (fault != null) {
      applied.add("fault=" + fault);
      switch (fault.toLowerCase(Locale.ROOT)) {
        case "close" -> kind = Kind.CLOSE;
        case "truncate" -> kind = Kind.TRUNCATE;
        case "none" -> kind = Kind.NONE;
        default -> {
          status = status(fault);
          kind = Kind.STATUS;
        }
      }
    } else {
      double below = 0;
      for (Map.Entry<Integer, Double> rate : settings.statusRate().entrySet()) {
        below += rate.getValue();
        if (faultDraw < below) {
          kind = Kind.STATUS;
          status = rate.getKey();
          break;
        }
      }
      if (kind == Kind.NONE && faultDraw < below + settings.closeRate()) {
        kind = Kind.CLOSE;
      } else if (kind == Kind.NONE && faultDraw < below + settings.closeRate() + settings.truncateRate()) {
        kind = Kind.TRUNCATE;
      }
    }

    long delayMillis = 0;
    if (delay != null) {
      delayMillis = millis(delay);
      applied.add("delay=" + delay);
    } else if (injecting && delayDraw < settings.delayRate()) {
      long least = settings.delay().toMillis();
      long most = settings.delayMax() == null ? least : settings.delayMax().toMillis();
      delayMillis = least + (long) (latencyDraw * (most - least + 1));
    }
    return new FaultPlan(kind, status, delayMillis, applied.toString());
  }

  /** The {@code Retry-After} of an injected 429 or 503, in whole seconds (rounded up). */
  long retryAfterSeconds() {
    return (settings.retryAfter().toMillis() + 999) / 1000;
  }

  private static int status(String fault) throws BadDirective {
    if (fault.matches("[45][0-9][0-9]")) {
      return Integer.parseInt(fault);
    }
    throw new BadDirective("Prefer: fault=" + fault + " is not a fault: close, truncate, none or a status from 400 to 599");
  }

  private static long millis(String delay) throws BadDirective {
    long max = MockServerProperties.MAX_DELAY.toMillis();
    if (delay.matches("[0-9]{1,9}")) {
      long millis = Long.parseLong(delay);
      if (millis <= max) {
        return millis;
      }
    }
    throw new BadDirective("Prefer: delay=" + delay + " is not a delay: whole milliseconds from 0 to " + max);
  }
}
