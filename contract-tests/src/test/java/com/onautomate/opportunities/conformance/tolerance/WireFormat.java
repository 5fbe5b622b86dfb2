package com.onautomate.opportunities.conformance.tolerance;

/**
 * How the proxy writes an HTTP message, all of it allowed by HTTP/1.1 (RFC 9112).
 *
 * @param gzip bodies gzip-encoded ({@code Content-Encoding: gzip}) when the request accepts it
 * @param chunked bodies sent in chunks ({@code Transfer-Encoding: chunked}), a chunk extension on the first
 * @param http10 an {@code HTTP/1.0} status line, {@code Connection: close}, and the body ended by closing the connection
 * @param headerCase how header names are written
 * @param reasonPhrase the status line's reason phrase ({@link #STANDARD_REASON} for the usual one)
 */
record WireFormat(boolean gzip, boolean chunked, boolean http10, HeaderCase headerCase, String reasonPhrase) {
  static final String STANDARD_REASON = "standard";
  static final WireFormat PLAIN = new WireFormat(false, false, false, HeaderCase.AS_IS, STANDARD_REASON);

  /** How header names are written: names are case-insensitive (RFC 9110 5.1). */
  enum HeaderCase { AS_IS, LOWER, UPPER }

  WireFormat withGzip() {
    return new WireFormat(true, chunked, http10, headerCase, reasonPhrase);
  }

  WireFormat withChunks() {
    return new WireFormat(gzip, true, http10, headerCase, reasonPhrase);
  }

  WireFormat withHttp10() {
    return new WireFormat(gzip, chunked, true, headerCase, reasonPhrase);
  }

  WireFormat withHeaderCase(HeaderCase c) {
    return new WireFormat(gzip, chunked, http10, c, reasonPhrase);
  }

  WireFormat withReasonPhrase(String phrase) {
    return new WireFormat(gzip, chunked, http10, headerCase, phrase);
  }
}
