package com.onautomate.opportunities.conformance.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds cases from the contract's schemas: examples, coverage (boundaries, enums, missing fields, wrong types,
 * formats, unicode, empty strings), then random valid and invalid cases. All randomness comes from the seed;
 * only contact identities are unique per run.
 *
 * <p>Valid cases also respect the rules a schema cannot say: stages come from {@code --stage-id}, the contact is a
 * new one (a fresh email or phone, never an existing contactId), so a valid case is never a duplicate.
 */
public final class CaseGenerator {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,";
  private static final String UNICODE = "éüßøçñÅΩЖжλ日本語中文한국☃★€";
  /** Fields whose valid values are decided by the server's data, not by the schema. */
  private static final Set<String> DOMAIN = Set.of("stageId", "contactId", "email", "phone");

  private final RunOptions options;
  private final Identities ids;
  private final Random random;
  private final Requests requests;

  public CaseGenerator(RunOptions options, Identities ids) {
    this.options = options;
    this.ids = ids;
    this.random = new Random(options.seed());
    this.requests = new Requests(options);
  }

  public Identities identities() {
    return ids;
  }

  /** The one request builder, shared by every phase. */
  public Requests requests() {
    return requests;
  }

  // ---------------------------------------------------------------- values

  public String stage() {
    return options.stageIds().get(random.nextInt(options.stageIds().size()));
  }

  public String otherStage(String current) {
    for (String s : options.stageIds()) {
      if (!s.equals(current)) {
        return s;
      }
    }
    return current;
  }

  String text(int min, int max, boolean unicode) {
    int len = min + random.nextInt(Math.max(1, max - min + 1));
    return text(len, unicode);
  }

  /** A string of exactly {@code len} characters, never starting or ending with a space (BMP characters only). */
  String text(int len, boolean unicode) {
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      String alphabet = unicode && random.nextInt(3) == 0 ? UNICODE : PLAIN;
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      if ((i == 0 || i == len - 1) && !Character.isLetterOrDigit(c)) {
        c = 'x';
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** A random value valid for the schema. */
  JsonNode valid(String name, Schema<?> s) {
    String type = s.getType() == null ? "string" : s.getType();
    switch (type) {
      case "integer" -> {
        long min = s.getMinimum() == null ? 0 : s.getMinimum().longValue();
        long max = s.getMaximum() == null ? min + 100 : Math.min(s.getMaximum().longValue(), min + 100);
        return F.numberNode(min + (long) random.nextInt((int) (max - min + 1)));
      }
      case "number" -> {
        double min = s.getMinimum() == null ? 0 : s.getMinimum().doubleValue();
        return random.nextBoolean()
            ? F.numberNode((long) (min + random.nextInt(100_000)))
            : F.numberNode(BigDecimal.valueOf(min + random.nextInt(10_000_000) / 100.0));
      }
      case "boolean" -> {
        return F.booleanNode(random.nextBoolean());
      }
      case "array" -> {
        ArrayNode a = F.arrayNode();
        int max = s.getMaxItems() == null ? 3 : Math.min(3, s.getMaxItems());
        int min = s.getMinItems() == null ? 0 : s.getMinItems();
        int n = min + random.nextInt(Math.max(1, max - min + 1));
        for (int i = 0; i < n; i++) {
          a.add(valid(name, s.getItems()));
        }
        return a;
      }
      case "object" -> {
        return validObject(s, true);
      }
      default -> {
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
          return F.textNode(String.valueOf(s.getEnum().get(random.nextInt(s.getEnum().size()))));
        }
        if ("email".equals(s.getFormat())) {
          return F.textNode(ids.email());
        }
        int min = s.getMinLength() == null ? 1 : Math.max(1, s.getMinLength());
        int max = s.getMaxLength() == null ? min + 20 : Math.min(s.getMaxLength(), min + 20);
        return F.textNode(text(min, max, random.nextInt(4) == 0));
      }
    }
  }

  ObjectNode validObject(Schema<?> s, boolean optional) {
    ObjectNode o = Json.object();
    if (s.getProperties() == null) {
      return o;
    }
    List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
    for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
      if (required.contains(p.getKey()) || (optional && random.nextBoolean())) {
        o.set(p.getKey(), valid(p.getKey(), p.getValue()));
      }
    }
    return o;
  }

  /** A valid body for the operation: schema-valid, a configured stage, a new contact. */
  public ObjectNode validBody(Operation op) {
    ObjectNode body = validObject(op.bodySchema(), true);
    fixDomain(op, body);
    return body;
  }

  /** Makes a schema-valid body valid for the server's data too. */
  public void fixDomain(Operation op, ObjectNode body) {
    if (body.has("stageId")) {
      body.put("stageId", stage());
    }
    Map<String, Schema> props = op.bodySchema().getProperties();
    if (props != null && props.containsKey("email")) {
      body.remove("contactId");
      boolean email = body.has("email") || !body.has("phone") && random.nextInt(4) != 0;
      if (email) {
        body.put("email", ids.email());
      }
      if (body.has("phone")) {
        body.put("phone", ids.phone());
      } else if (!email) {
        body.put("phone", ids.phone());
      }
    }
  }

  // ---------------------------------------------------------------- phases

  /** The examples phase: the spec's body examples and parameter examples, made valid for this server. */
  public List<TestCase> examples(Operation op, String opportunityId) {
    List<TestCase> out = new ArrayList<>();
    List<Map.Entry<String, String>> query = new ArrayList<>();
    for (Parameter p : op.parameters("query")) {
      Object example = p.getExample() != null ? p.getExample() : p.getSchema().getExample();
      if (example instanceof List<?> list) {
        list.forEach(v -> query.add(Map.entry(p.getName(), String.valueOf(v))));
      } else if (example != null) {
        query.add(Map.entry(p.getName(), example instanceof BigDecimal b ? b.toPlainString() : String.valueOf(example)));
      }
    }
    if (op.bodySchema() == null) {
      out.add(requests.positive(op, Phase.EXAMPLES, "parameter examples", opportunityId, query, null));
      if (!query.isEmpty()) {
        out.add(requests.positive(op, Phase.EXAMPLES, "no optional parameter", opportunityId, List.of(), null));
      }
      return out;
    }
    int i = 0;
    for (Object example : op.bodyExamples()) {
      ObjectNode body = (ObjectNode) Json.MAPPER.valueToTree(example);
      fixDomainKeepingShape(op, body);
      out.add(requests.positive(op, Phase.EXAMPLES, "body example " + (++i), opportunityId, query, body));
    }
    return out;
  }

  /** Like {@link #fixDomain} but keeps which of contactId/email/phone the example uses (contactId becomes email). */
  private void fixDomainKeepingShape(Operation op, ObjectNode body) {
    if (body.has("stageId") && !options.stageIds().contains(body.get("stageId").asText())) {
      body.put("stageId", stage());
    }
    if (body.has("contactId")) {
      body.remove("contactId");
      body.put("email", ids.email());
    }
    if (body.has("email")) {
      body.put("email", ids.email());
    }
    if (body.has("phone")) {
      body.put("phone", ids.phone());
    }
  }

  private TestCase bodyCase(Operation op, Kind kind, String description, String target, String opportunityId,
                            String body, Consumer<Map<String, String>> headers) {
    Request r = requests.build(op, requests.pathParams(op, opportunityId), List.of(), body, options.token());
    if (headers != null) {
      Map<String, String> h = new LinkedHashMap<>(r.headers());
      headers.accept(h);
      r = r.withHeaders(h);
    }
    return new TestCase(op, Phase.COVERAGE, kind, description, target, r);
  }

  /**
   * The coverage phase: for the body and each query parameter, valid boundaries and each enum value, then
   * invalid values (missing, null, empty, too short/long/small/large, wrong type, bad format); then whole-body
   * faults (not JSON, not an object, missing, wrong media type, too large), auth faults and undocumented methods.
   */
  public List<TestCase> coverage(Operation op, String opportunityId, List<String> undocumentedMethods) {
    List<TestCase> out = new ArrayList<>();
    Schema<?> bodySchema = op.bodySchema();
    if (bodySchema != null) {
      for (Mutation m : bodyBoundaries(op)) {
        ObjectNode body = validBody(op);
        m.apply().accept(body);
        out.add(bodyCase(op, Kind.POSITIVE, m.description(), null, opportunityId, Json.write(body), null));
      }
      for (Mutation m : bodyMutations(op)) {
        ObjectNode body = validBody(op);
        m.apply().accept(body);
        out.add(bodyCase(op, Kind.NEGATIVE, m.description(), m.target(), opportunityId, Json.write(body), null));
      }
      if (op.bodySchema().getProperties().containsKey("email")) {
        ObjectNode body = validBody(op);
        body.remove(List.of("contactId", "email", "phone"));
        out.add(bodyCase(op, Kind.NEGATIVE, "no contactId, email or phone", null, opportunityId, Json.write(body),
            null));
      }
      out.add(bodyCase(op, Kind.NEGATIVE, "body: not JSON", null, opportunityId, "{\"title\": ", null));
      out.add(bodyCase(op, Kind.NEGATIVE, "body: a JSON array", null, opportunityId, "[]", null));
      out.add(bodyCase(op, Kind.NEGATIVE, "body: a JSON string", null, opportunityId, "\"opportunity\"", null));
      if (op.bodyRequired()) {
        out.add(bodyCase(op, Kind.NEGATIVE, "body: missing", null, opportunityId, null, null));
      }
      out.add(bodyCase(op, Kind.NEGATIVE, "body: sent as text/plain", null, opportunityId,
          Json.write(validBody(op)), h -> h.put("Content-Type", "text/plain")));
      ObjectNode big = validBody(op);
      big.put("padding", "x".repeat(70_000));
      out.add(bodyCase(op, Kind.NEGATIVE, "body: larger than 65536 bytes", null, opportunityId, Json.write(big),
          null));
    }
    for (Parameter p : op.parameters("query")) {
      for (Mutation m : queryBoundaries(p)) {
        out.add(queryCase(op, Kind.POSITIVE, m, opportunityId));
      }
      for (Mutation m : queryMutations(p)) {
        out.add(queryCase(op, Kind.NEGATIVE, m, opportunityId));
      }
    }
    for (Parameter p : op.parameters("path")) {
      Integer max = p.getSchema().getMaxLength();
      if (max != null) {
        Map<String, String> params = requests.pathParams(op, opportunityId);
        params.put(p.getName(), "z".repeat(max + 1));
        out.add(new TestCase(op, Phase.COVERAGE, Kind.NEGATIVE,
            p.getName() + ": " + (max + 1) + " characters (maxLength " + max + ")", p.getName(),
            requests.build(op, params, List.of(), bodySchema == null ? null : Json.write(validBody(op)), options.token())));
      }
      if (p.getName().equals("opportunityId")) {
        out.add(new TestCase(op, Phase.COVERAGE, Kind.POSITIVE, "opportunityId: an id that does not exist", null,
            requests.build(op, Map.of("pipelineId", options.pipelineId(), "opportunityId", "unknown" + ids.marker()),
                List.of(), bodySchema == null ? null : Json.write(validBody(op)), options.token())));
      } else {
        Map<String, String> params = requests.pathParams(op, opportunityId);
        params.put(p.getName(), "unknown" + ids.marker());
        out.add(new TestCase(op, Phase.COVERAGE, Kind.POSITIVE, p.getName() + ": an id that does not exist", null,
            requests.build(op, params, List.of(), bodySchema == null ? null : Json.write(validBody(op)), options.token())));
      }
    }
    if (op.requiresAuth()) {
      String body = bodySchema == null ? null : Json.write(validBody(op));
      Request base = requests.build(op, requests.pathParams(op, opportunityId), List.of(), body, options.token());
      Map<String, String> none = new LinkedHashMap<>(base.headers());
      none.remove("Authorization");
      out.add(new TestCase(op, Phase.COVERAGE, Kind.MISSING_AUTH, "no Authorization header", null,
          base.withHeaders(none)));
      Map<String, String> bad = new LinkedHashMap<>(base.headers());
      bad.put("Authorization", "Bearer invalid-" + ids.marker());
      out.add(new TestCase(op, Phase.COVERAGE, Kind.INVALID_AUTH, "an unknown bearer token", null,
          base.withHeaders(bad)));
      Map<String, String> malformed = new LinkedHashMap<>(base.headers());
      malformed.put("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
          ("user:" + options.token()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      out.add(new TestCase(op, Phase.COVERAGE, Kind.INVALID_AUTH, "a Basic instead of a Bearer credential", null,
          base.withHeaders(malformed)));
    }
    for (String method : undocumentedMethods) {
      Request r = requests.build(op, requests.pathParams(op, opportunityId), List.of(), null, options.token()).withMethod(method);
      Kind kind = method.equals("OPTIONS") ? Kind.OPTIONS : Kind.UNSUPPORTED_METHOD;
      out.add(new TestCase(op, Phase.COVERAGE, kind, method + " " + op.path(), null, r));
    }
    return out;
  }

  private TestCase queryCase(Operation op, Kind kind, Mutation m, String opportunityId) {
    List<Map.Entry<String, String>> query = new ArrayList<>();
    m.query().accept(query);
    return new TestCase(op, Phase.COVERAGE, kind, m.description(), kind == Kind.NEGATIVE ? m.target() : null,
        requests.build(op, requests.pathParams(op, opportunityId), query, null, options.token()));
  }

  /** A change to a valid body or query, described for the report. */
  record Mutation(String description, String target, Consumer<ObjectNode> apply,
                  Consumer<List<Map.Entry<String, String>>> query) {
    static Mutation body(String description, String target, Consumer<ObjectNode> apply) {
      return new Mutation(description, target, apply, q -> { });
    }

    static Mutation query(String description, String target, Consumer<List<Map.Entry<String, String>>> query) {
      return new Mutation(description, target, b -> { }, query);
    }
  }

  private List<Mutation> bodyBoundaries(Operation op) {
    List<Mutation> out = new ArrayList<>();
    Map<String, Schema> props = op.bodySchema().getProperties();
    for (Map.Entry<String, Schema> e : props.entrySet()) {
      String name = e.getKey();
      Schema<?> s = e.getValue();
      String type = s.getType() == null ? "string" : s.getType();
      if (name.equals("email") && s.getMaxLength() != null) {
        int max = s.getMaxLength();
        out.add(Mutation.body("email: " + max + " characters (maxLength)", null,
            b -> { b.put("email", ids.email(max)); }));
        continue;
      }
      if (name.equals("phone") && s.getMaxLength() != null) {
        int max = s.getMaxLength();
        out.add(Mutation.body("phone: " + max + " characters (maxLength), no email", null,
            b -> { b.remove("email"); b.put("phone", ids.phone(max)); }));
        continue;
      }
      if (DOMAIN.contains(name)) {
        continue;
      }
      switch (type) {
        case "string" -> {
          if (s.getEnum() != null) {
            for (Object v : s.getEnum()) {
              out.add(Mutation.body(name + ": \"" + v + "\" (enum)", null, b -> b.put(name, String.valueOf(v))));
            }
          } else {
            if (s.getMaxLength() != null) {
              int max = s.getMaxLength();
              out.add(Mutation.body(name + ": " + max + " characters (maxLength)", null,
                  b -> b.put(name, text(max, false))));
            }
            int min = s.getMinLength() == null ? 1 : Math.max(1, s.getMinLength());
            out.add(Mutation.body(name + ": " + min + " character(s) (minLength)", null,
                b -> b.put(name, text(min, false))));
            out.add(Mutation.body(name + ": unicode text", null, b -> b.put(name, "Ünïcødé ☃ 日本語 " + text(4, true))));
          }
        }
        case "number", "integer" -> {
          if (s.getMinimum() != null) {
            BigDecimal min = s.getMinimum();
            out.add(Mutation.body(name + ": " + min.toPlainString() + " (minimum)", null, b -> b.put(name, min)));
          }
          if (s.getMaximum() != null) {
            BigDecimal max = s.getMaximum();
            out.add(Mutation.body(name + ": " + max.toPlainString() + " (maximum)", null, b -> b.put(name, max)));
          }
        }
        case "array" -> {
          Schema<?> items = s.getItems();
          if (s.getMaxItems() != null) {
            int max = s.getMaxItems();
            int len = items.getMaxLength() == null ? 10 : items.getMaxLength();
            out.add(Mutation.body(name + ": " + max + " items of " + len + " characters (maxItems, maxLength)", null,
                b -> {
                  ArrayNode a = b.putArray(name);
                  for (int i = 0; i < max; i++) {
                    String t = "t" + i + "-";
                    a.add(t + text(len - t.length(), false));
                  }
                }));
          }
          out.add(Mutation.body(name + ": empty array", null, b -> b.putArray(name)));
        }
        default -> {
        }
      }
    }
    return out;
  }

  private List<Mutation> bodyMutations(Operation op) {
    List<Mutation> out = new ArrayList<>();
    Schema<?> schema = op.bodySchema();
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    for (String r : required) {
      out.add(Mutation.body(r + ": missing (required)", r, b -> b.remove(r)));
      out.add(Mutation.body(r + ": null (required)", r, b -> b.putNull(r)));
    }
    for (Map.Entry<String, Schema> e : schema.getProperties().entrySet()) {
      String name = e.getKey();
      Schema<?> s = e.getValue();
      String type = s.getType() == null ? "string" : s.getType();
      switch (type) {
        case "string" -> {
          out.add(Mutation.body(name + ": a number instead of a string", name, b -> b.put(name, 12345)));
          if (s.getMinLength() != null && s.getMinLength() > 0) {
            out.add(Mutation.body(name + ": empty string (minLength " + s.getMinLength() + ")", name,
                b -> b.put(name, "")));
          }
          if (s.getMaxLength() != null) {
            int max = s.getMaxLength();
            out.add(Mutation.body(name + ": " + (max + 1) + " characters (maxLength " + max + ")", name,
                b -> b.put(name, name.equals("email") ? ids.email(max + 1) : text(max + 1, false))));
          }
          if (s.getEnum() != null) {
            out.add(Mutation.body(name + ": not one of " + s.getEnum(), name, b -> b.put(name, "not-a-" + name)));
          }
          if ("email".equals(s.getFormat())) {
            out.add(Mutation.body(name + ": not an email address", name, b -> b.put(name, "not-an-email")));
          }
        }
        case "number", "integer" -> {
          out.add(Mutation.body(name + ": a string instead of a number", name, b -> b.put(name, "abc")));
          if (s.getMinimum() != null) {
            BigDecimal below = s.getMinimum().subtract(BigDecimal.ONE);
            out.add(Mutation.body(name + ": " + below.toPlainString() + " (minimum " + s.getMinimum() + ")", name,
                b -> b.put(name, below)));
          }
          if (s.getMaximum() != null) {
            BigDecimal above = s.getMaximum().add(BigDecimal.ONE);
            out.add(Mutation.body(name + ": " + above.toPlainString() + " (maximum " + s.getMaximum() + ")", name,
                b -> b.put(name, above)));
          }
        }
        case "array" -> {
          out.add(Mutation.body(name + ": a string instead of an array", name, b -> b.put(name, "tag")));
          if (s.getMaxItems() != null) {
            int max = s.getMaxItems();
            out.add(Mutation.body(name + ": " + (max + 1) + " items (maxItems " + max + ")", name, b -> {
              ArrayNode a = b.putArray(name);
              for (int i = 0; i <= max; i++) {
                a.add("t" + i);
              }
            }));
          }
          Schema<?> items = s.getItems();
          if (items != null && "string".equals(items.getType())) {
            out.add(Mutation.body(name + "[0]: a number instead of a string", name,
                b -> b.putArray(name).add(5)));
            if (items.getMinLength() != null && items.getMinLength() > 0) {
              out.add(Mutation.body(name + "[0]: empty string", name, b -> b.putArray(name).add("")));
            }
            if (items.getMaxLength() != null) {
              int max = items.getMaxLength();
              out.add(Mutation.body(name + "[0]: " + (max + 1) + " characters (maxLength " + max + ")", name,
                  b -> b.putArray(name).add(text(max + 1, false))));
            }
          }
        }
        default -> {
        }
      }
    }
    return out;
  }

  private List<Mutation> queryBoundaries(Parameter p) {
    List<Mutation> out = new ArrayList<>();
    String name = p.getName();
    Schema<?> s = p.getSchema();
    String type = s.getType() == null ? "string" : s.getType();
    switch (type) {
      case "integer", "number" -> {
        if (s.getMinimum() != null) {
          out.add(Mutation.query(name + "=" + s.getMinimum().toPlainString() + " (minimum)", name,
              q -> q.add(Map.entry(name, s.getMinimum().toPlainString()))));
        }
        if (s.getMaximum() != null) {
          out.add(Mutation.query(name + "=" + s.getMaximum().toPlainString() + " (maximum)", name,
              q -> q.add(Map.entry(name, s.getMaximum().toPlainString()))));
        }
        if (name.equals("page")) {
          out.add(Mutation.query("page=100000 (past the last page)", name, q -> q.add(Map.entry(name, "100000"))));
        }
      }
      case "array" -> {
        int max = s.getMaxItems() == null ? 3 : s.getMaxItems();
        out.add(Mutation.query(name + ": " + max + " values (maxItems)", name, q -> {
          for (int i = 0; i < max; i++) {
            q.add(Map.entry(name, "t" + i));
          }
        }));
      }
      default -> {
        if (s.getEnum() != null) {
          for (Object v : s.getEnum()) {
            out.add(Mutation.query(name + "=" + v + " (enum)", name, q -> q.add(Map.entry(name, String.valueOf(v)))));
          }
        } else if ("email".equals(s.getFormat())) {
          out.add(Mutation.query(name + ": an address", name, q -> q.add(Map.entry(name, ids.email()))));
        } else {
          if (name.equals("stageId")) {
            out.add(Mutation.query(name + ": a stage", name, q -> q.add(Map.entry(name, stage()))));
          }
          if (s.getMaxLength() != null) {
            int max = s.getMaxLength();
            out.add(Mutation.query(name + ": " + max + " characters (maxLength)", name,
                q -> q.add(Map.entry(name, text(max, false)))));
          }
          out.add(Mutation.query(name + ": unicode text", name, q -> q.add(Map.entry(name, "Ünï ☃ " + text(3, true)))));
        }
      }
    }
    return out;
  }

  private List<Mutation> queryMutations(Parameter p) {
    List<Mutation> out = new ArrayList<>();
    String name = p.getName();
    Schema<?> s = p.getSchema();
    String type = s.getType() == null ? "string" : s.getType();
    switch (type) {
      case "integer", "number" -> {
        out.add(Mutation.query(name + "=abc (not a number)", name, q -> q.add(Map.entry(name, "abc"))));
        if (type.equals("integer")) {
          out.add(Mutation.query(name + "=1.5 (not an integer)", name, q -> q.add(Map.entry(name, "1.5"))));
        }
        if (s.getMinimum() != null) {
          String v = s.getMinimum().subtract(BigDecimal.ONE).toPlainString();
          out.add(Mutation.query(name + "=" + v + " (minimum " + s.getMinimum() + ")", name,
              q -> q.add(Map.entry(name, v))));
        }
        if (s.getMaximum() != null) {
          String v = s.getMaximum().add(BigDecimal.ONE).toPlainString();
          out.add(Mutation.query(name + "=" + v + " (maximum " + s.getMaximum() + ")", name,
              q -> q.add(Map.entry(name, v))));
        }
      }
      case "array" -> {
        if (s.getMaxItems() != null) {
          int max = s.getMaxItems();
          out.add(Mutation.query(name + ": " + (max + 1) + " values (maxItems " + max + ")", name, q -> {
            for (int i = 0; i <= max; i++) {
              q.add(Map.entry(name, "t" + i));
            }
          }));
        }
        Schema<?> items = s.getItems();
        if (items != null && items.getMaxLength() != null) {
          int max = items.getMaxLength();
          out.add(Mutation.query(name + ": a value of " + (max + 1) + " characters (maxLength " + max + ")", name,
              q -> q.add(Map.entry(name, text(max + 1, false)))));
        }
      }
      default -> {
        if (s.getMaxLength() != null) {
          int max = s.getMaxLength();
          out.add(Mutation.query(name + ": " + (max + 1) + " characters (maxLength " + max + ")", name,
              q -> q.add(Map.entry(name, name.equals("email") ? ids.email(max + 1) : text(max + 1, false)))));
        }
        if (s.getEnum() != null) {
          out.add(Mutation.query(name + ": not one of " + s.getEnum(), name, q -> q.add(Map.entry(name, "not-a-" + name))));
        }
        if ("email".equals(s.getFormat())) {
          out.add(Mutation.query(name + ": not an email address", name, q -> q.add(Map.entry(name, "not-an-email"))));
        }
      }
    }
    return out;
  }

  /** One random case of the fuzzing phase: mostly valid, one in four invalid in one place. */
  public TestCase random(Operation op, String opportunityId) {
    boolean negative = random.nextInt(4) == 0;
    List<Map.Entry<String, String>> query = new ArrayList<>();
    for (Parameter p : op.parameters("query")) {
      if (random.nextInt(3) == 0) {
        query.addAll(validQuery(p));
      }
    }
    ObjectNode body = op.bodySchema() == null ? null : validBody(op);
    if (!negative) {
      return requests.positive(op, Phase.FUZZING, "random valid case", opportunityId, query, body);
    }
    List<Mutation> mutations = new ArrayList<>();
    if (body != null) {
      mutations.addAll(bodyMutations(op));
    }
    for (Parameter p : op.parameters("query")) {
      mutations.addAll(queryMutations(p));
    }
    if (mutations.isEmpty()) {
      return requests.positive(op, Phase.FUZZING, "random valid case", opportunityId, query, body);
    }
    Mutation m = mutations.get(random.nextInt(mutations.size()));
    if (body != null) {
      m.apply().accept(body);
    }
    if (m.target() != null) {
      query.removeIf(e -> e.getKey().equals(m.target()));
    }
    m.query().accept(query);
    return new TestCase(op, Phase.FUZZING, Kind.NEGATIVE, m.description(), m.target(),
        requests.build(op, requests.pathParams(op, opportunityId), query, body == null ? null : Json.write(body), options.token()));
  }

  private List<Map.Entry<String, String>> validQuery(Parameter p) {
    String name = p.getName();
    Schema<?> s = p.getSchema();
    if (name.equals("stageId")) {
      return List.of(Map.entry(name, stage()));
    }
    JsonNode v = valid(name, s);
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (v.isArray()) {
      if (v.isEmpty()) {
        v = F.arrayNode().add("t");
      }
      v.forEach(x -> out.add(Map.entry(name, x.asText())));
    } else {
      out.add(Map.entry(name, v.isNumber() ? v.decimalValue().toPlainString() : v.asText()));
    }
    return out;
  }

  public Random rng() {
    return random;
  }
}
