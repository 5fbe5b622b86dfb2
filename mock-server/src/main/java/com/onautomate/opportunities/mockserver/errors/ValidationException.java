package com.onautomate.opportunities.mockserver.errors;

/** A 422 with the vendor's field map. */
public final class ValidationException extends RuntimeException {

  private final transient FieldProblems problems;

  public ValidationException(FieldProblems problems) {
    super("422 " + problems.asMap().keySet(), null, false, false);
    this.problems = problems;
  }

  public FieldProblems problems() {
    return problems;
  }
}
