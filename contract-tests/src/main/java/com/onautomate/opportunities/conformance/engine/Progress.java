package com.onautomate.opportunities.conformance.engine;

/** Receives progress while a run goes: which operation, how many cases so far, how many failed. */
@FunctionalInterface
public interface Progress {
  Progress SILENT = (operation, phase, cases, failures) -> { };

  void update(String operation, Phase phase, long cases, int failures);
}
