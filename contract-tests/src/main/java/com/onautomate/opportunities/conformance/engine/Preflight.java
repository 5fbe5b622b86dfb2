package com.onautomate.opportunities.conformance.engine;

import java.util.List;
import java.util.Map;

/**
 * Checks the arguments against the server before anything is generated: nothing can be verified without access to
 * the pipeline, so a refused token or an unknown pipeline is a bad argument (exit 2), not a failing server.
 */
final class Preflight {
  private Preflight() {
  }

  /** Reads the first page of the pipeline (a recorded exchange); fails with the option to check. */
  static void verify(Session session) {
    Exchange first = session.dispatcher().send(session.requests().positive(session.operations().list(),
        Phase.EXAMPLES, "preflight: first page", null, List.of(Map.entry("limit", "1")), null));
    if (first.response().status() == 401) {
      throw new IllegalArgumentException("the server answers 401 to the token given; check --token");
    }
    if (first.response().status() == 404) {
      throw new IllegalArgumentException("the server answers 404 for pipeline " + session.options().pipelineId()
          + " with this token; check --pipeline-id");
    }
  }
}
