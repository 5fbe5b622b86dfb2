package com.onautomate.opportunities.conformance.http;

/** The server could not be reached; the message is one line for the CLI. */
public final class TransportException extends RuntimeException {
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
