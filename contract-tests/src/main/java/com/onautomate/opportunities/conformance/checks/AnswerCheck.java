package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.http.Response;

/**
 * A check of the answer itself — its status, media type, headers or body — rather than of what the request should
 * have done: it judges every complete answer to a documented method, {@code 429}s included.
 */
public interface AnswerCheck extends Check {

  @Override
  default boolean appliesTo(Response response) {
    return response.answered();
  }

  @Override
  default Inputs inputs() {
    return Inputs.every("answers to documented methods",
        e -> e.kind() != Kind.UNSUPPORTED_METHOD && e.kind() != Kind.OPTIONS);
  }
}
