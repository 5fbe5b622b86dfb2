package com.onautomate.opportunities.conformance.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * What the chaos server does to one answer. Each writes the response (changed) or breaks the connection; it returns
 * whether the connection stays open for the next request.
 */
enum Mutation {
  /** The answer as the server gave it. */
  NONE {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException {
      r.write(out);
      return true;
    }
  },
  /** Another status, the body unchanged. */
  STATUS {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException {
      int[] statuses = {200, 201, 204, 302, 400, 401, 403, 404, 405, 409, 418, 422, 500, 502, 503, 599};
      r.status = statuses[random.nextInt(statuses.length)];
      r.write(out);
      return true;
    }
  },
  /** A field removed somewhere in the JSON body (at any depth). */
  FIELD_MISSING {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException {
      JsonNode n = r.json();
      Field f = Field.draw(n, random);
      if (f != null) {
        f.object().remove(f.name());
        r.json(n);
      }
      r.write(out);
      return true;
    }
  },
  /** A value of another JSON type somewhere in the body: a string for an object, an array for a number… */
  WRONG_TYPE {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException {
      JsonNode n = r.json();
      Field f = Field.draw(n, random);
      if (f != null) {
        f.object().set(f.name(), otherValue(random));
        r.json(n);
      } else if (n != null) {
        r.json(otherValue(random));
      }
      r.write(out);
      return true;
    }
  },
  /** The body replaced: not JSON, empty, JSON cut short, or JSON of another shape. */
  BODY_REPLACED {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException {
      String text = new String(r.body, StandardCharsets.UTF_8);
      String[] bodies = {"", "<html><body>Bad Gateway</body></html>", "null", "[]", "42", "\"text\"", "{}",
          text.substring(0, text.length() / 2), "{\"opportunities\": [", "\u0000\u00ff\ufffd", "{\"msg\": null}"};
      r.text(bodies[random.nextInt(bodies.length)]);
      r.write(out);
      return true;
    }
  },
  /** Content-Type missing, another media type, malformed, or given twice. */
  HEADERS {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException {
      switch (random.nextInt(4)) {
        case 0 -> r.header("Content-Type", null);
        case 1 -> r.header("Content-Type", "text/html; charset=utf-8");
        case 2 -> r.header("Content-Type", "json");
        default -> r.headers.computeIfAbsent("Content-Type", k -> new ArrayList<>()).add("text/plain");
      }
      if (random.nextBoolean()) {
        r.header("X-Chaos", "é\u00ff;;==");
      }
      r.write(out);
      return true;
    }
  },
  /** 429 Too Many Requests, with a Retry-After that is zero, a date in the past, unreadable, or missing. */
  RATE_LIMITED {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException {
      r.status = 429;
      r.text("{\"msg\":\"Too Many Requests\"}");
      r.header("Content-Type", "application/json");
      String past = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
      String[] values = {"0", past, "soon", null};
      r.header("Retry-After", values[random.nextInt(values.length)]);
      r.write(out);
      return true;
    }
  },
  /** The head promises the whole body; half of it comes, then the connection closes. */
  CLOSED_MID_BODY {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException {
      byte[] body = r.body.length < 2 ? "{\"opportunities\":[]}".getBytes(StandardCharsets.UTF_8) : r.body;
      out.write(r.head("HTTP/1.1 " + r.status + " " + Wire.Response.reason(r.status), body.length));
      out.write(body, 0, body.length / 2);
      out.flush();
      return false;
    }
  },
  /** The connection closes without any answer. */
  CLOSED_BEFORE_ANSWER {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) {
      return false;
    }
  },
  /** A status line that is not HTTP. */
  BAD_STATUS_LINE {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException {
      out.write(r.head(random.nextBoolean() ? "HTTP/1.1 abc Chaos" : "CHAOS", r.body.length));
      out.write(r.body);
      out.flush();
      return false;
    }
  },
  /** The answer after a short delay (up to 200 ms). */
  DELAYED {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException {
      sleep(random.nextInt(100));
      r.write(out);
      return true;
    }
  },
  /** The answer after longer than the suite's request timeout. */
  TOO_SLOW {
    @Override
    boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException {
      sleep(slowMillis);
      r.write(out);
      return true;
    }
  };

  /** How rare {@link #TOO_SLOW} is among all answers (each costs the suite a whole request timeout). */
  private static final double TOO_SLOW_RATE = 0.003;

  /**
   * Writes the answer with this mutation applied; false when the connection must close.
   *
   * @param slowMillis how long {@link #TOO_SLOW} waits: more than the suite's request timeout
   */
  abstract boolean apply(Wire.Response r, OutputStream out, Random random, long slowMillis) throws IOException;

  /** A mutation for one answer: none most of the time, one of the others about {@code rate} of the time. */
  static Mutation draw(Random random, double rate) {
    if (random.nextDouble() < TOO_SLOW_RATE) {
      return TOO_SLOW;
    }
    if (random.nextDouble() >= rate) {
      return NONE;
    }
    Mutation[] all = values();
    return all[1 + random.nextInt(all.length - 2)]; // neither NONE nor TOO_SLOW
  }

  /** A field of an object somewhere in a JSON body, drawn at random. */
  private record Field(ObjectNode object, String name) {
    static Field draw(JsonNode body, Random random) {
      List<ObjectNode> objects = new ArrayList<>();
      collect(body, objects);
      ObjectNode target = objects.isEmpty() ? null : objects.get(random.nextInt(objects.size()));
      if (target == null || target.isEmpty()) {
        return null;
      }
      List<String> names = new ArrayList<>();
      target.fieldNames().forEachRemaining(names::add);
      return new Field(target, names.get(random.nextInt(names.size())));
    }
  }

  private static void collect(JsonNode n, List<ObjectNode> objects) {
    if (n == null) {
      return;
    }
    if (n.isObject()) {
      objects.add((ObjectNode) n);
    }
    for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
      collect(it.next(), objects);
    }
  }

  private static JsonNode otherValue(Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(7)) {
      case 0 -> f.textNode("chaos");
      case 1 -> f.numberNode(random.nextInt(1000) - 500);
      case 2 -> f.booleanNode(random.nextBoolean());
      case 3 -> f.nullNode();
      case 4 -> f.objectNode().put("chaos", true);
      case 5 -> {
        ArrayNode a = f.arrayNode();
        a.add("chaos").add(1);
        yield a;
      }
      default -> f.numberNode(1e300);
    };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
