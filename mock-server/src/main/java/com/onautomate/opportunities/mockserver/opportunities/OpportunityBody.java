package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.errors.FieldProblems;
import com.onautomate.opportunities.server.model.OpportunityRequest;

/** The body of create and update as read, with the problems its fields have (empty when none). */
final class OpportunityBody extends OpportunityRequest {

  private final transient FieldProblems problems;

  OpportunityBody(FieldProblems problems) {
    this.problems = problems;
  }

  FieldProblems problems() {
    return problems;
  }

  static FieldProblems problemsOf(OpportunityRequest request) {
    return request instanceof OpportunityBody body ? body.problems : new FieldProblems();
  }
}
