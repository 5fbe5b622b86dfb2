package com.onautomate.opportunities.mockserver.faults;

/**
 * What happens to one request: how long its answer is held, and which fault (if any) replaces or
 * breaks the answer. {@code applied} names the {@code Prefer} directives honoured, for the
 * {@code Preference-Applied} header ({@code ""} when none).
 */
record FaultPlan(Kind kind, int status, long delayMillis, String applied) {

  /** The faults. */
  enum Kind {
    /** The answer as usual (perhaps delayed). */
    NONE,
    /** A {@code {"msg"}} answer with {@link #status} instead of the usual one; the request goes no further. */
    STATUS,
    /** The connection closed without an answer; the request goes no further. */
    CLOSE,
    /** The request runs as usual (a write is done), its answer is cut off halfway and the connection closed. */
    TRUNCATE
  }

  static final FaultPlan NOTHING = new FaultPlan(Kind.NONE, 0, 0, "");

  boolean isNothing() {
    return kind == Kind.NONE && delayMillis == 0;
  }
}
