package com.onautomate.opportunities.conformance.http;

/** The server could not be reached at all; the message is one line for the CLI. */
public final class TransportException extends RuntimeException {
  public TransportException(String message) {
    super(message);
  }
}
