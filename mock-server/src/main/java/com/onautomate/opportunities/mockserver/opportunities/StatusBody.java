package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.errors.FieldProblems;
import com.onautomate.opportunities.server.model.OpportunityStatusRequest;

/** The body of the status change as read, with the problems its fields have (empty when none). */
final class StatusBody extends OpportunityStatusRequest {

  private final transient FieldProblems problems;

  StatusBody(FieldProblems problems) {
    this.problems = problems;
  }

  static FieldProblems problemsOf(OpportunityStatusRequest request) {
    return request instanceof StatusBody body ? body.problems : new FieldProblems();
  }
}
