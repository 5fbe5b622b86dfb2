package com.onautomate.opportunities.conformance.engine;

/** The phases of a run, in order (Schemathesis's examples, coverage, fuzzing, stateful; then the contract's rules). */
public enum Phase {
  EXAMPLES, COVERAGE, FUZZING, STATEFUL, SEMANTIC
}
