package com.onautomate.opportunities.conformance.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.http.Request;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What both formats read the same way: a URL back to a request's path and query, the kind, times and bodies. */
final class Recorded {
  private Recorded() {
  }

  /** A request sent to {@code url}, its path taken relative to the cassette's base URL when it starts with it. */
  static Request request(String method, String url, String baseUrl, Map<String, String> headers, String body) {
    String rest;
    if (baseUrl != null && url.startsWith(Request.stripSlash(baseUrl))) {
      rest = url.substring(Request.stripSlash(baseUrl).length());
    } else {
      URI uri = URI.create(url);
      rest = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
    int q = rest.indexOf('?');
    String path = q < 0 ? rest : rest.substring(0, q);
    String rawQuery = q < 0 ? null : rest.substring(q + 1);
    return new Request(method, path.isEmpty() ? "/" : path, List.of(), headers, body, rawQuery);
  }

  /** The case's kind: ours when written, else from Schemathesis's {@code data_generation_method}. */
  static Kind kind(String kind, String generationMethod) {
    if (kind != null) {
      try {
        return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        // fall through to the generation method
      }
    }
    return "negative".equalsIgnoreCase(generationMethod) ? Kind.NEGATIVE : Kind.POSITIVE;
  }

  /** Schemathesis's {@code data_generation_method} for a kind, or null when it has no word for it. */
  static String generationMethod(Kind kind) {
    return switch (kind) {
      case POSITIVE -> "positive";
      case NEGATIVE -> "negative";
      default -> null;
    };
  }

  static Instant instant(String text) {
    if (text == null) {
      return Instant.EPOCH;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** A field's text, or null when absent or null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Each verdict as {@code name} and {@code status}; a failure also {@code title}, {@code message}, {@code documented}. */
  static void write(ArrayNode into, List<Verdict> verdicts) {
    for (Verdict v : verdicts) {
      ObjectNode c = into.addObject().put("name", v.name()).put("status", v.status().name());
      if (v.failed()) {
        c.put("title", v.title()).put("message", v.message()).put("documented", v.documented());
      }
    }
  }

  static List<Verdict> verdicts(JsonNode checks) {
    if (checks == null || !checks.isArray()) {
      return List.of();
    }
    List<Verdict> out = new ArrayList<>();
    for (JsonNode c : checks) {
      String name = text(c, "name");
      if (name == null) {
        continue;
      }
      Verdict.Status status;
      try {
        status = Verdict.Status.valueOf(String.valueOf(text(c, "status")).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        status = Verdict.Status.SKIP;
      }
      out.add(new Verdict(name, status, text(c, "title"), text(c, "message"), text(c, "documented")));
    }
    return out;
  }
}
