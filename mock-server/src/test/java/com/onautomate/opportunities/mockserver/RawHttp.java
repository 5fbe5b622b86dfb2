package com.onautomate.opportunities.mockserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes sent as they are, on a connection of their own (no HTTP client would send most of what the
 * tests send), and the answers read back until the server closes: every response on the
 * connection, parsed (status, headers, body by Content-Length or chunked).
 */
final class RawHttp {

  /** One response; {@code status} 0 for bytes that are no HTTP/1.x response (an HTTP/0.9 answer). */
  record Answer(int status, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Status line, headers and body, as the old string-matching tests read them. */
    String text() {
      StringBuilder out = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
      headers.forEach((name, value) -> out.append(name).append(": ").append(value).append("\r\n"));
      return out.append("\r\n").append(body).toString().strip();
    }
  }

  private RawHttp() {
  }

  /** Sends the bytes, half-closes (so a body shorter than announced ends), reads every answer. */
  static List<Answer> exchange(String host, int port, byte[] request) throws IOException {
    return exchange(host, port, request, true);
  }

  /** {@code halfClose} false: the request must end the connection itself ({@code Connection: close}). */
  static List<Answer> exchange(String host, int port, byte[] request, boolean halfClose) throws IOException {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(30_000);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        if (halfClose) {
          socket.shutdownOutput();
        }
      } catch (IOException e) {
        // the server closed while the request was sent (a header too large, say): read its answer
      }
      return parse(readAll(socket.getInputStream()));
    }
  }

  /** The first answer, as text, for a request that has exactly one. */
  static String exchangeText(String host, int port, String request) throws IOException {
    List<Answer> answers = exchange(host, port, request.getBytes(StandardCharsets.ISO_8859_1));
    return answers.isEmpty() ? "" : answers.get(0).text();
  }

  /** Reads until the server closes the connection (or resets it): what came before counts. */
  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int read; (read = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, read);
      }
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      // reset by the server after its answer
    }
    return out.toByteArray();
  }

  static List<Answer> parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<Answer> answers = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      if (!text.startsWith("HTTP/1.", at)) {
        answers.add(new Answer(0, Map.of(), text.substring(at)));
        break;
      }
      int headEnd = text.indexOf("\r\n\r\n", at);
      if (headEnd < 0) {
        answers.add(new Answer(-1, Map.of(), text.substring(at)));
        break;
      }
      String[] lines = text.substring(at, headEnd).split("\r\n");
      int status = Integer.parseInt(lines[0].substring(9, 12));
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
      at = headEnd + 4;
      StringBuilder body = new StringBuilder();
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        try {
          while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].strip(), 16);
            at = lineEnd + 2;
            if (size == 0) {
              at = text.indexOf("\r\n", at) + 2;
              break;
            }
            body.append(text, at, at + size);
            at += size + 2;
          }
        } catch (RuntimeException e) {
          answers.add(new Answer(-1, headers, "a chunked body cut off: " + text.substring(headEnd + 4)));
          break;
        }
      } else if (headers.containsKey("content-length")) {
        int length = Integer.parseInt(headers.get("content-length"));
        body.append(text, at, Math.min(text.length(), at + length));
        at += length;
      } else if (status >= 200 && status != 204 && status != 304) {
        body.append(text.substring(at));
        at = text.length();
      }
      answers.add(new Answer(status, headers, body.toString()));
    }
    return answers;
  }
}
