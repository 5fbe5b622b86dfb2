package com.onautomate.opportunities.conformance.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A request and a response as the chaos server reads and writes them on the wire. */
final class Wire {
  private Wire() {
  }

  /** A request as received; {@code target} is the path with its raw query. */
  record Request(String method, String target, Map<String, String> headers, byte[] body) {
  }

  /** A response on its way back; its parts may be changed before it is written. */
  static final class Response {
    int status;
    final Map<String, List<String>> headers;
    byte[] body;

    Response(int status, Map<String, List<String>> headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    JsonNode json() {
      return Json.parse(new String(body, StandardCharsets.UTF_8));
    }

    void json(JsonNode n) {
      text(Json.write(n));
    }

    void text(String text) {
      body = text.getBytes(StandardCharsets.UTF_8);
    }

    void header(String name, String value) {
      if (value == null) {
        headers.remove(name);
      } else {
        headers.put(name, new java.util.ArrayList<>(List.of(value)));
      }
    }

    /** The status line and the headers, with a Content-Length of {@code length}. */
    byte[] head(String statusLine, long length) {
      StringBuilder sb = new StringBuilder(statusLine).append("\r\n");
      headers.forEach((k, vs) -> vs.forEach(v -> sb.append(k).append(": ").append(v).append("\r\n")));
      if (length >= 0) {
        sb.append("Content-Length: ").append(length).append("\r\n");
      }
      return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes the whole response, keeping the connection open for the next request. */
    void write(OutputStream out) throws IOException {
      boolean bodiless = status == 204 || status == 304;
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.write(head("HTTP/1.1 " + status + " " + reason(status), bodiless ? -1 : body.length));
      if (!bodiless) {
        all.write(body);
      }
      out.write(all.toByteArray());
      out.flush();
    }

    static String reason(int status) {
      return switch (status) {
        case 200 -> "OK";
        case 201 -> "Created";
        case 204 -> "No Content";
        case 302 -> "Found";
        case 400 -> "Bad Request";
        case 401 -> "Unauthorized";
        case 404 -> "Not Found";
        case 422 -> "Unprocessable Entity";
        case 429 -> "Too Many Requests";
        case 500 -> "Internal Server Error";
        default -> "Chaos";
      };
    }
  }
}
