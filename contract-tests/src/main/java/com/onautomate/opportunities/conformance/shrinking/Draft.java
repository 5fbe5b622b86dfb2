package com.onautomate.opportunities.conformance.shrinking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.generation.Identities;
import com.onautomate.opportunities.conformance.http.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A case being shrunk, in the parts shrinking may change: the JSON body as an object (null when the body is not one
 * this suite wrote as a JSON object: then it is sent as it was) and the query's pairs. Method, path, headers and the
 * case's kind, description and target stay the original's.
 */
final class Draft {
  /** Body properties that name the contact: a fresh value in every candidate, so that a create is never a duplicate. */
  static final List<String> IDENTITIES = List.of("email", "phone");

  private final TestCase origin;
  private final ObjectNode body;
  private final List<Map.Entry<String, String>> query;

  private Draft(TestCase origin, ObjectNode body, List<Map.Entry<String, String>> query) {
    this.origin = origin;
    this.body = body;
    this.query = query;
  }

  /** The parts of a case that can shrink. */
  static Draft of(TestCase c) {
    return new Draft(c, objectBody(c.request().body()), new ArrayList<>(c.request().query()));
  }

  /**
   * The body as an object when it is JSON this suite wrote ({@link Json#write} gives it back exactly); null for no body,
   * another JSON value, or bytes that are not JSON or not UTF-8 (a case about the whole body, sent as it was).
   */
  private static ObjectNode objectBody(String body) {
    JsonNode parsed = Json.parse(body);
    return parsed instanceof ObjectNode o && Json.write(o).equals(body) ? o : null;
  }

  Draft copy() {
    return new Draft(origin, body == null ? null : body.deepCopy(), new ArrayList<>(query));
  }

  TestCase origin() {
    return origin;
  }

  /** The body object, or null when the body is not shrunk (none, or not a JSON object). */
  ObjectNode body() {
    return body;
  }

  /** The query's pairs, changeable. */
  List<Map.Entry<String, String>> query() {
    return query;
  }

  /** The case as sent: the contact's email and phone fresh (unless the case is about them), everything else as drafted. */
  TestCase toCase(Identities ids) {
    Request r = origin.request();
    String text = bodyText(name -> name.equals("email") ? ids.email() : ids.phone());
    return new TestCase(origin.operation(), origin.phase(), origin.kind(), origin.description(), origin.target(),
        new Request(r.method(), r.path(), query, r.headers(), text, r.rawQuery()));
  }

  /** What tells two drafts apart, the fresh identities left out: a candidate already tried is not sent again. */
  String key() {
    return query + "\u0000" + bodyText(name -> "<" + name + ">");
  }

  /** The body as sent, with the contact's email and phone (unless the case is about them) given by {@code identity}. */
  private String bodyText(UnaryOperator<String> identity) {
    if (body == null) {
      return origin.request().body();
    }
    ObjectNode sent = body.deepCopy();
    for (String name : IDENTITIES) {
      if (sent.hasNonNull(name) && !name.equals(origin.target())) {
        sent.put(name, identity.apply(name));
      }
    }
    return Json.write(sent);
  }
}
