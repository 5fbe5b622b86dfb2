package com.onautomate.opportunities.conformance.tolerance;

import java.util.concurrent.atomic.AtomicInteger;

/** A variation that counts its changes; subclasses forget what they learned in {@link #forget()}. */
abstract class Counted implements Variation {
  private final AtomicInteger applied = new AtomicInteger();

  @Override
  public final void count() {
    applied.incrementAndGet();
  }

  @Override
  public final int applied() {
    return applied.get();
  }

  @Override
  public final void reset() {
    applied.set(0);
    forget();
  }

  /** Forgets what an earlier run taught this variation. */
  void forget() {
  }

  @Override
  public String toString() {
    return name();
  }
}
