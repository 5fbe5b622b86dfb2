package com.onautomate.opportunities.conformance.tolerance;

import static com.onautomate.opportunities.conformance.ContractDecision.D_ORDER_OF_ERRORS;
import static com.onautomate.opportunities.conformance.ContractDecision.E_EMPTY_BODY_OTHER_TYPE;
import static com.onautomate.opportunities.conformance.ContractDecision.F_PREV_PAGE_PAST_THE_END;
import static com.onautomate.opportunities.conformance.ContractDecision.G_NEXT_PAGE_URL;
import static com.onautomate.opportunities.conformance.ContractDecision.I_MONETARY_VALUES;
import static com.onautomate.opportunities.conformance.ContractDecision.J_EMPTY_ANSWER_CONTENT_TYPE;
import static com.onautomate.opportunities.conformance.ContractDecision.K_METHOD_NOT_ALLOWED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.onautomate.opportunities.conformance.ContractDecision;
import com.onautomate.opportunities.mockserver.DemoData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The catalogue of what the contract allows and the mock server does not do: each a {@link Variation} that the suite
 * must pass with zero failures (the tolerance matrix). Rewriting functions return null when they leave an answer as
 * it is, so that what a variation changed is counted.
 */
public final class Variations {
  static final Variation NONE = new Rewrite("none", Set.of(), "", JsonStyle.COMPACT, WireFormat.PLAIN, null, null);

  private static final Set<String> TIMESTAMPS = Set.of("lastStatusChangeAt", "createdAt", "updatedAt");
  private static final DateTimeFormatter MILLIS_WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT);
  private static final DateTimeFormatter NANOS_Z =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSX", Locale.ROOT);
  private static final DateTimeFormatter SECONDS_Z = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssX", Locale.ROOT);
  /** Milliseconds since this shift become seconds: one-to-one and in order, so whole-second times stay distinct. */
  private static final long SECONDS_SHIFT_MILLIS = 1_600_000_000_000L;

  private Variations() {
  }

  /** How many variations exercise what {@code decision} allows. */
  public static long allowing(ContractDecision decision) {
    return all().stream().filter(v -> v.decisions().contains(decision)).count();
  }

  static List<Variation> all() {
    List<Variation> out = new ArrayList<>();
    // how the JSON is written
    out.add(response("undocumented properties at every level, their values new on every answer",
        Variations::extraProperties));
    out.add(styled("pretty-printed JSON", new JsonStyle(true, false, false, false)));
    out.add(styled("every object's keys in reverse order", new JsonStyle(false, true, false, false)));
    out.add(styled("non-ASCII escaped as \\uXXXX and / as \\/", new JsonStyle(false, false, true, true)));
    out.add(money("whole monetary values written 100", v -> v.stripTrailingZeros().scale() <= 0
        ? v.toBigInteger().toString() : null));
    out.add(money("monetary values with trailing zeros, 100.00", v -> {
      String plain = v.stripTrailingZeros().toPlainString();
      return plain + (plain.contains(".") ? "00" : ".00");
    }));
    out.add(money("monetary values in exponent notation, 1.2e2", Variations::exponent));
    out.add(times("timestamps with the offset +00:00", t -> t.atOffset(ZoneOffset.UTC).format(MILLIS_WITH_OFFSET)));
    out.add(times("timestamps in +05:30", t -> t.atOffset(ZoneOffset.ofHoursMinutes(5, 30)).format(MILLIS_WITH_OFFSET)));
    out.add(response("timestamps with lower-case t and z", (req, res) -> eachTimestamp(res, s -> s.toLowerCase(Locale.ROOT))));
    out.add(times("timestamps with 9 fractional digits", t -> t.atOffset(ZoneOffset.UTC).format(NANOS_Z)));
    out.add(times("timestamps with the fewest fractional digits (none on a whole second)", t -> {
      String nanos = t.atOffset(ZoneOffset.UTC).format(NANOS_Z);
      String fraction = nanos.substring(20, 29).replaceAll("0+$", "");
      return nanos.substring(0, 19) + (fraction.isEmpty() ? "" : "." + fraction) + "Z";
    }));
    out.add(times("timestamps in whole seconds (0 fractional digits; instants mapped one to one, in order)", t -> {
      Instant mapped = Instant.ofEpochSecond(t.toEpochMilli() - SECONDS_SHIFT_MILLIS);
      int year = mapped.atOffset(ZoneOffset.UTC).getYear();
      return year < 1 || year > 9999 ? null : mapped.atOffset(ZoneOffset.UTC).format(SECONDS_Z);
    }));
    // headers and the HTTP message
    out.add(response("undocumented response headers", (req, res) -> res.plusHeader("X-Request-Id", "req-"
        + System.nanoTime()).plusHeader("Server", "tolerant/1.0").plusHeader("Cache-Control", "no-store")
        .plusHeader("Vary", "Origin").plusHeader("Vary", "Accept-Encoding").plusHeader("X-RateLimit-Limit", "100")
        .plusHeader("X-RateLimit-Remaining", "99").plusHeader("Set-Cookie", "tolerant=1; Path=/; HttpOnly")
        .plusHeader("Link", "<https://docs.example.com/api>; rel=\"help\"")));
    out.add(response("Content-Type: application/json; charset=utf-8", (req, res) -> res.json() == null ? null
        : res.withHeader("Content-Type", "application/json; charset=utf-8")));
    out.add(response("Content-Type: Application/JSON;Charset=\"UTF-8\"", (req, res) -> res.json() == null ? null
        : res.withHeader("Content-Type", "Application/JSON;Charset=\"UTF-8\"")));
    out.add(response(Set.of(J_EMPTY_ANSWER_CONTENT_TYPE), "a Content-Type on the empty 200 answers",
        (req, res) -> res.status() == 200 && !res.hasBody() && res.header("Content-Type") == null
            ? res.withHeader("Content-Type", "application/json") : null));
    out.add(wired("gzip-encoded bodies", WireFormat.PLAIN.withGzip()));
    out.add(wired("chunked bodies, with a chunk extension", WireFormat.PLAIN.withChunks()));
    out.add(wired("HTTP/1.0 answers ended by closing the connection", WireFormat.PLAIN.withHttp10()));
    out.add(wired("header names in lower case", WireFormat.PLAIN.withHeaderCase(WireFormat.HeaderCase.LOWER)));
    out.add(wired("header names in upper case and other reason phrases",
        WireFormat.PLAIN.withHeaderCase(WireFormat.HeaderCase.UPPER).withReasonPhrase("Fine, Thanks")));
    // ids
    out.add(new IdAliases("ids as UUIDs; pipeline and stage ids with . - _",
        n -> new UUID(0x5eed_0000_0000_4000L + n, 0x8000_0000_0000_0000L + n).toString()));
    out.add(new IdAliases("ids of 64 characters; pipeline and stage ids with . - _",
        n -> "_" + String.format(Locale.ROOT, "%063d", n)));
    out.add(new IdAliases("ids of 2 to 4 characters; pipeline and stage ids with . - _", Variations::shortId));
    // what the contract does not fix
    out.add(response(Set.of(ContractDecision.A_NULL_OR_EMPTY_IDENTIFIER),
        "other 422 messages, rule required for an empty identifier, other 405 bodies", Variations::otherTexts));
    out.add(response(Set.of(K_METHOD_NOT_ALLOWED), "Allow headers in lower case, HEAD and OPTIONS listed",
        (req, res) -> res.header("Allow") == null ? null : res.withHeader("Allow", allowSpelledOtherwise(
            res.header("Allow")))));
    // paging
    out.add(new Rewrite("served under /crm/api, nextPageUrl absolute with the prefix", Set.of(G_NEXT_PAGE_URL),
        "/crm/api", JsonStyle.COMPACT, WireFormat.PLAIN, null,
        (req, res) -> nextPageUrl(res, url -> url.contains("/crm/api/v1/") ? url : null)));
    out.add(new Rewrite("served under /crm, nextPageUrl relative to the base URL", Set.of(G_NEXT_PAGE_URL), "/crm",
        JsonStyle.COMPACT, WireFormat.PLAIN, null,
        (req, res) -> nextPageUrl(res, url -> url.substring(url.indexOf("/crm/v1/") + "/crm".length()))));
    out.add(response(Set.of(G_NEXT_PAGE_URL), "nextPageUrl's query reordered, a space as +, . and - percent-encoded",
        (req, res) -> nextPageUrl(res, Variations::reencoded)));
    out.add(response(Set.of(F_PREV_PAGE_PAST_THE_END), "prevPage null on a page past the end", (req, res) -> {
      JsonNode meta = res.json() == null ? null : res.json().path("meta");
      if (meta == null || !meta.isObject() || !res.json().path("opportunities").isEmpty()
          || meta.path("currentPage").asInt() <= 1 || meta.path("prevPage").isNull()) {
        return null;
      }
      ((ObjectNode) meta).putNull("prevPage");
      return res;
    }));
    // the order of errors
    out.add(new Rewrite("413 for a body over 65536 bytes before the credentials are read",
        Set.of(D_ORDER_OF_ERRORS), "", JsonStyle.COMPACT, WireFormat.PLAIN,
        req -> req.body().length > 65536 ? ProxyResponse.json(413, "{\"msg\":\"Payload Too Large\"}") : null, null));
    out.add(new FieldsBeforeResources());
    out.add(new Rewrite("415 for an empty body sent as text/plain", Set.of(E_EMPTY_BODY_OTHER_TYPE), "",
        JsonStyle.COMPACT, WireFormat.PLAIN, req -> req.sendsBody() && req.body().length == 0
            && ("Bearer " + DemoData.TOKEN).equals(req.header("Authorization")) && req.header("Content-Type") != null
            && !req.header("Content-Type").toLowerCase(Locale.ROOT).startsWith("application/json")
            ? ProxyResponse.json(415, "{\"msg\":\"Unsupported Media Type\"}") : null, null));
    return out;
  }

  /**
   * A variation made of functions.
   *
   * @param answer answers instead of the server, or null to forward; null for none
   * @param rewrite the response changed, or null when it leaves it as it is; null for none
   */
  static final class Rewrite extends Counted {
    private final String name;
    private final Set<ContractDecision> decisions;
    private final String prefix;
    private final JsonStyle style;
    private final WireFormat wire;
    private final Function<ProxyRequest, ProxyResponse> answer;
    private final BiFunction<ProxyRequest, ProxyResponse, ProxyResponse> rewrite;

    Rewrite(String name, Set<ContractDecision> decisions, String prefix, JsonStyle style, WireFormat wire,
            Function<ProxyRequest, ProxyResponse> answer,
            BiFunction<ProxyRequest, ProxyResponse, ProxyResponse> rewrite) {
      this.name = name;
      this.decisions = decisions;
      this.prefix = prefix;
      this.style = style;
      this.wire = wire;
      this.answer = answer;
      this.rewrite = rewrite;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<ContractDecision> decisions() {
      return decisions;
    }

    @Override
    public String prefix() {
      return prefix;
    }

    @Override
    public JsonStyle style() {
      return style;
    }

    @Override
    public WireFormat wire() {
      return wire;
    }

    @Override
    public ProxyResponse answer(ProxyRequest request) {
      ProxyResponse r = answer == null ? null : answer.apply(request);
      if (r != null) {
        count();
      }
      return r;
    }

    @Override
    public ProxyResponse response(ProxyRequest request, ProxyResponse response) {
      ProxyResponse r = rewrite == null ? null : rewrite.apply(request, response);
      if (r == null) {
        return response;
      }
      count();
      return r;
    }
  }

  private static Variation response(String name, BiFunction<ProxyRequest, ProxyResponse, ProxyResponse> f) {
    return response(Set.of(), name, f);
  }

  private static Variation response(Set<ContractDecision> decisions, String name,
                                    BiFunction<ProxyRequest, ProxyResponse, ProxyResponse> f) {
    return new Rewrite(name, decisions, "", JsonStyle.COMPACT, WireFormat.PLAIN, null, f);
  }

  private static Variation styled(String name, JsonStyle style) {
    return new Rewrite(name, Set.of(), "", style, WireFormat.PLAIN, null, null);
  }

  private static Variation wired(String name, WireFormat wire) {
    return new Rewrite(name, Set.of(), "", JsonStyle.COMPACT, wire, null, null);
  }

  /** Every {@code monetaryValue} spelled by {@code spell} (null: as it is). */
  private static Variation money(String name, Function<BigDecimal, String> spell) {
    return response(Set.of(I_MONETARY_VALUES), name, (req, res) -> {
      boolean[] changed = {false};
      eachObject(res.json(), o -> {
        JsonNode v = o.get("monetaryValue");
        String spelled = v != null && v.isNumber() ? spell.apply(v.decimalValue()) : null;
        if (spelled != null && !spelled.equals(v.toString())) {
          o.putRawValue("monetaryValue", new RawValue(spelled));
          changed[0] = true;
        }
      });
      return changed[0] ? res : null;
    });
  }

  /**
   * The n-th short id, sorting after every earlier one: {@code -0} to {@code -z}, then {@code _00} to {@code _zz},
   * then {@code ~000} on ({@code -} &lt; {@code _} &lt; {@code ~}).
   */
  static String shortId(int n) {
    if (n < 36) {
      return "-" + Character.forDigit(n, 36);
    }
    if (n < 36 + 36 * 36) {
      return "_" + base36(n - 36, 2);
    }
    return "~" + base36(n - 36 - 36 * 36, 3);
  }

  private static String base36(int n, int width) {
    String digits = Integer.toString(n, 36);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /** {@code 1.2e2} for 120, {@code 0e0} for 0. */
  static String exponent(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.signum() == 0) {
      return "0e0";
    }
    String digits = s.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - s.scale();
    return (s.signum() < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "")
        + "e" + exponent;
  }

  /** Every timestamp written as {@code format} writes its instant (null: as it is). */
  private static Variation times(String name, Function<Instant, String> format) {
    return response(name, (req, res) -> eachTimestamp(res, s -> {
      try {
        return format.apply(OffsetDateTime.parse(s).toInstant());
      } catch (DateTimeParseException e) {
        return null;
      }
    }));
  }

  private static ProxyResponse eachTimestamp(ProxyResponse res, UnaryOperator<String> rewrite) {
    boolean[] changed = {false};
    eachObject(res.json(), o -> {
      for (String field : TIMESTAMPS) {
        JsonNode v = o.get(field);
        String rewritten = v != null && v.isTextual() ? rewrite.apply(v.asText()) : null;
        if (rewritten != null && !rewritten.equals(v.asText())) {
          o.put(field, rewritten);
          changed[0] = true;
        }
      }
    });
    return changed[0] ? res : null;
  }

  /** Applies {@code f} to every object in a tree. */
  static void eachObject(JsonNode node, java.util.function.Consumer<ObjectNode> f) {
    if (node instanceof ObjectNode o) {
      f.accept(o);
      o.forEach(child -> eachObject(child, f));
    } else if (node instanceof ArrayNode a) {
      a.forEach(child -> eachObject(child, f));
    }
  }

  private static ProxyResponse extraProperties(ProxyRequest req, ProxyResponse res) {
    JsonNode root = res.json();
    if (root == null || !root.isObject()) {
      return null;
    }
    String stamp = Long.toString(System.nanoTime());
    ObjectNode o = (ObjectNode) root;
    if (res.status() == 422) {
      o.forEach(entry -> {
        if (entry.isObject()) {
          ((ObjectNode) entry).put("validatedAt", stamp);
        }
      });
      return res;
    }
    if (o.has("msg")) {
      o.put("code", res.status()).put("traceId", "t" + stamp);
      return res;
    }
    if (o.has("meta") && o.get("meta").isObject()) {
      o.putObject("links").put("self", "/v1/self").put("generatedAt", stamp);
      ((ObjectNode) o.get("meta")).put("limit", 20).put("requestId", stamp);
    }
    eachObject(root, n -> {
      if (n.has("pipelineStageId")) {
        n.put("locationId", "loc-1").put("version", stamp).putArray("customFields").addObject().put("id", "cf1")
            .put("value", stamp);
        if (n.get("contact") instanceof ObjectNode contact) {
          contact.put("dnd", false).put("readAt", stamp).putObject("address").put("city", "Graz");
        }
      }
    });
    return res;
  }

  private static ProxyResponse otherTexts(ProxyRequest req, ProxyResponse res) {
    if (res.status() == 405) {
      return res.withHeader("Content-Type", "text/plain").withRaw("This method is not allowed here.");
    }
    if (res.status() != 422 || res.json() == null || !res.json().isObject()) {
      return null;
    }
    JsonNode sent = req.hasJsonBody() ? req.json() : null;
    res.json().fields().forEachRemaining(e -> {
      if (e.getValue() instanceof ObjectNode entry) {
        entry.put("message", "Le champ " + e.getKey() + " est refusé.");
        boolean emptyIdentifier = sent != null && List.of("contactId", "phone").contains(e.getKey())
            && sent.path(e.getKey()).isTextual() && sent.get(e.getKey()).asText().isEmpty();
        if (emptyIdentifier) {
          entry.put("rule", "required");
        }
      }
    });
    return res;
  }

  static String allowSpelledOtherwise(String allow) {
    List<String> methods = new ArrayList<>();
    for (String m : allow.split(",")) {
      if (!m.isBlank()) {
        methods.add(m.trim().toLowerCase(Locale.ROOT));
      }
    }
    Collections.reverse(methods);
    if (!methods.contains("head")) {
      methods.add("head");
    }
    if (!methods.contains("options")) {
      methods.add("options");
    }
    return String.join(" ,", methods);
  }

  /** A list answer with its {@code nextPageUrl} rewritten (null: as it is). */
  private static ProxyResponse nextPageUrl(ProxyResponse res, UnaryOperator<String> rewrite) {
    JsonNode meta = res.json() == null ? null : res.json().path("meta");
    if (meta == null || !meta.path("nextPageUrl").isTextual()) {
      return null;
    }
    String url = meta.get("nextPageUrl").asText();
    String rewritten = rewrite.apply(url);
    if (rewritten == null) {
      return null;
    }
    ((ObjectNode) meta).set("nextPageUrl", TextNode.valueOf(rewritten));
    return res;
  }

  /** The same URL written otherwise: parameters in reverse order, a space as {@code +}, {@code .} and {@code -} escaped. */
  static String reencoded(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    List<String> pairs = new ArrayList<>(List.of(url.substring(q + 1).split("&")));
    Collections.reverse(pairs);
    List<String> out = new ArrayList<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      String value = eq < 0 ? "" : pair.substring(eq + 1).replace("%20", "+").replace(".", "%2E").replace("-", "%2D");
      out.add(eq < 0 ? pair : pair.substring(0, eq + 1) + value);
    }
    return url.substring(0, q + 1) + String.join("&", out);
  }
}
