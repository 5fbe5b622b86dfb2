package com.onautomate.opportunities.conformance.engine;

/** What a case is meant to be, which decides the checks that judge its answer. */
public enum Kind {
  /** Valid for the schema and the contract's rules: should be accepted. */
  POSITIVE,
  /** Breaks the schema or a documented rule: should be rejected. */
  NEGATIVE,
  /** Sent without the Authorization header. */
  MISSING_AUTH,
  /** Sent with a token the server cannot know. */
  INVALID_AUTH,
  /** A method the path does not document. */
  UNSUPPORTED_METHOD,
  /** OPTIONS on a documented path. */
  OPTIONS,
  /** A step of a scenario whose expected answer is judged by a semantic check, not by schema validity. */
  SCENARIO
}
