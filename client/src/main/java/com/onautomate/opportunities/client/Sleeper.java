package com.onautomate.opportunities.client;

import java.time.Duration;

/** Waits between retries; tests replace it to record the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
