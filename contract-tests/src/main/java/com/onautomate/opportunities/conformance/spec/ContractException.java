package com.onautomate.opportunities.conformance.spec;

/** The spec cannot be read or lacks what the suite needs; its message is one line for the CLI. */
public final class ContractException extends RuntimeException {
  public ContractException(String message) {
    super(message);
  }
}
