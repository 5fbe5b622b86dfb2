package com.onautomate.opportunities.mockserver;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket (sent here, read by {@link RawHttp#readAll}) until the server closes the
 * connection: what an HTTP client library would hide (a connection closed before any byte, a body
 * shorter than its Content-Length) is seen as it is.
 */
record RawExchange(byte[] bytes) {

  /** Sends {@code method path} with the headers and body given, {@code Connection: close}, and reads to the end. */
  static RawExchange exchange(URI base, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(20_000);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getAuthority()
          + "\r\nConnection: close\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return new RawExchange(RawHttp.readAll(socket.getInputStream())); // a reset after some bytes: they are the answer
    }
  }

  boolean nothing() {
    return bytes.length == 0;
  }

  private int headerEnd() {
    for (int i = 0; i + 3 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
        return i + 4;
      }
    }
    throw new AssertionError("no complete head in " + bytes.length + " bytes: " + new String(bytes, StandardCharsets.ISO_8859_1));
  }

  int status() {
    String head = new String(bytes, 0, headerEnd(), StandardCharsets.ISO_8859_1);
    return Integer.parseInt(head.substring(9, 12));
  }

  /** Header names in lower case; a header sent several times, its values joined by ", ". */
  Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    String[] lines = new String(bytes, 0, headerEnd(), StandardCharsets.ISO_8859_1).split("\r\n");
    for (String line : Arrays.asList(lines).subList(1, lines.length)) {
      int colon = line.indexOf(':');
      headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
          (first, next) -> first + ", " + next);
    }
    return headers;
  }

  byte[] body() {
    return Arrays.copyOfRange(bytes, headerEnd(), bytes.length);
  }
}
