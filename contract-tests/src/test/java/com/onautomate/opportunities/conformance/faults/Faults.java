package com.onautomate.opportunities.conformance.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The catalogue of injected bugs: at least two per check and per contract rule, each with the check that must catch it. */
final class Faults {
  static final String TOKEN = "demo-token";
  static final String OTHER = "demo-token-2";

  /** One injected bug and the check expected to name it. */
  record Injected(String check, String name, Fault fault, Double maxResponseTimeMillis) {
    @Override
    public String toString() {
      return check + ": " + name;
    }
  }

  private Faults() {
  }

  static Fault answer(Function<Fault.Req, Fault.Res> f) {
    return new Fault() {
      @Override
      public Fault.Res answer(Fault.Req r) {
        return f.apply(r);
      }
    };
  }

  static Fault request(UnaryOperator<Fault.Req> f) {
    return new Fault() {
      @Override
      public Fault.Req request(Fault.Req r) {
        return f.apply(r);
      }
    };
  }

  static Fault response(BiFunction<Fault.Req, Fault.Res, Fault.Res> f) {
    return new Fault() {
      @Override
      public Fault.Res response(Fault.Req r, Fault.Res res) {
        return f.apply(r, res);
      }
    };
  }

  private static Injected fault(String check, String name, Fault f) {
    return new Injected(check, name, f, null);
  }

  private static boolean nonAscii(String s) {
    return s.chars().anyMatch(c -> c > 127);
  }

  private static String query(Fault.Req r, UnaryOperator<String> perParam) {
    return FaultProxy.split(r.query()).stream().map(perParam).filter(p -> !p.isEmpty())
        .collect(Collectors.joining("&"));
  }

  /** Applies {@code f} to every opportunity object in the body (a single one or a list's items). */
  static Fault.Res eachOpportunity(Fault.Res res, java.util.function.Consumer<ObjectNode> f) {
    JsonNode n = res.json();
    if (n == null || !res.isSuccessLike()) {
      return res;
    }
    if (n.has("opportunities")) {
      n.get("opportunities").forEach(o -> f.accept((ObjectNode) o));
    } else if (n.has("id")) {
      f.accept((ObjectNode) n);
    } else {
      return res;
    }
    return res.withJson(n);
  }

  static List<Injected> all() {
    List<Injected> out = new ArrayList<>();

    // ---------------------------------------------------------------- Schemathesis checks
    out.add(fault("not_a_server_error", "500 on a body with non-ASCII text",
        answer(r -> r.body().length > 0 && nonAscii(r.text()) ? Fault.Res.json(500, "{\"msg\":\"Internal Server Error\"}") : null)));
    // 502, not 503: since issue 18 the contract documents 503 (database unreachable) on every operation
    out.add(fault("not_a_server_error", "502 when limit=100 is asked",
        answer(r -> r.isCollection() && r.query().contains("limit=100") && r.method().equals("GET")
            ? Fault.Res.json(502, "{\"msg\":\"Bad Gateway\"}") : null)));

    out.add(fault("status_code_conformance", "create answers 201 instead of 200",
        response((r, res) -> r.isCollection() && r.method().equals("POST") && res.status() == 200
            ? res.withStatus(201) : res)));
    out.add(fault("status_code_conformance", "an unknown opportunity is 403 instead of 404",
        response((r, res) -> r.isItem() && res.status() == 404 ? res.withStatus(403) : res)));

    out.add(fault("content_type_conformance", "the list is sent as text/plain",
        response((r, res) -> r.isCollection() && r.method().equals("GET") && res.status() == 200
            ? res.withHeader("Content-Type", "text/plain;charset=UTF-8") : res)));
    out.add(fault("content_type_conformance", "422 answers carry no Content-Type",
        response((r, res) -> res.status() == 422 ? res.withHeader("Content-Type", null) : res)));

    out.add(fault("response_headers_conformance", "429 without Retry-After on page 3",
        answer(r -> r.isCollection() && r.query().contains("page=3")
            ? Fault.Res.json(429, "{\"msg\":\"Too Many Requests\"}") : null)));
    out.add(fault("response_headers_conformance", "429 with an HTTP-date Retry-After on deletes of unknown ids",
        answer(r -> r.isItem() && r.method().equals("DELETE") && r.itemId().startsWith("unknown")
            ? Fault.Res.json(429, "{\"msg\":\"Too Many Requests\"}")
                .withHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT") : null)));

    out.add(fault("response_schema_conformance", "monetaryValue sent as a string",
        response((r, res) -> eachOpportunity(res, o -> {
          if (o.path("monetaryValue").isNumber()) {
            o.put("monetaryValue", o.get("monetaryValue").asText());
          }
        }))));
    out.add(fault("response_schema_conformance", "the list's meta has no total",
        response((r, res) -> {
          JsonNode n = res.json();
          if (r.isCollection() && n != null && n.path("meta").isObject()) {
            ((ObjectNode) n.get("meta")).remove("total");
            return res.withJson(n);
          }
          return res;
        })));

    out.add(fault("negative_data_rejection", "titles over 255 characters are silently truncated",
        request(r -> {
          JsonNode b = r.json();
          if (b != null && b.isObject() && b.path("title").isTextual() && b.get("title").asText().length() > 255) {
            ((ObjectNode) b).put("title", b.get("title").asText().substring(0, 255));
            return r.withBody(Json.write(b));
          }
          return r;
        })));
    out.add(fault("negative_data_rejection", "a limit over 100 is clamped instead of refused",
        request(r -> r.isCollection() ? r.withQuery(query(r, p -> {
          if (p.startsWith("limit=")) {
            try {
              return Long.parseLong(p.substring(6)) > 100 ? "limit=100" : p;
            } catch (NumberFormatException e) {
              return p;
            }
          }
          return p;
        })) : r)));

    out.add(fault("positive_data_acceptance", "titles with non-ASCII characters are refused",
        answer(r -> {
          JsonNode b = r.json();
          return b != null && b.path("title").isTextual() && nonAscii(b.get("title").asText())
              ? Fault.Res.json(422, "{\"title\":{\"message\":\"The title must be ASCII.\",\"rule\":\"string\"}}") : null;
        })));
    out.add(fault("positive_data_acceptance", "limit=100 is refused (off by one)",
        answer(r -> r.isCollection() && r.method().equals("GET") && FaultProxy.split(r.query()).contains("limit=100")
            ? Fault.Res.json(422, "{\"limit\":{\"message\":\"The limit may not be greater than 99.\",\"rule\":\"max\"}}")
            : null)));

    out.add(fault("missing_required_header", "no Authorization header answered 400",
        answer(r -> r.auth() == null ? Fault.Res.json(400, "{\"msg\":\"Bad Request\"}") : null)));
    out.add(fault("missing_required_header", "no Authorization header answered 403",
        answer(r -> r.auth() == null ? Fault.Res.json(403, "{\"msg\":\"Forbidden\"}") : null)));

    out.add(fault("unsupported_method", "PATCH is answered 200",
        answer(r -> r.method().equals("PATCH") ? Fault.Res.json(200, "{}") : null)));
    out.add(fault("unsupported_method", "405 without an Allow header",
        response((r, res) -> res.status() == 405 ? res.withHeader("Allow", null) : res)));

    out.add(fault("allow_header_conformance", "OPTIONS lists PATCH, which is not documented",
        response((r, res) -> r.method().equals("OPTIONS") && res.headers().containsKey("Allow")
            ? res.withHeader("Allow", res.headers().get("Allow") + ",PATCH") : res)));
    out.add(fault("allow_header_conformance", "405 Allow forgets DELETE",
        response((r, res) -> res.status() == 405 && r.isItem() ? res.withHeader("Allow", "GET, PUT") : res)));

    out.add(fault("ignored_auth", "any bearer token is accepted",
        request(r -> r.auth() != null && r.auth().startsWith("Bearer ") && !r.auth().equals("Bearer " + TOKEN)
            && !r.auth().equals("Bearer " + OTHER) ? r.withHeader("Authorization", "Bearer " + TOKEN) : r)));
    out.add(fault("ignored_auth", "Basic credentials are accepted as the location's",
        request(r -> r.auth() != null && r.auth().startsWith("Basic ")
            ? r.withHeader("Authorization", "Bearer " + TOKEN) : r)));

    out.add(fault("use_after_free", "DELETE answers 200 but deletes nothing",
        answer(r -> r.isItem() && r.method().equals("DELETE") && !r.itemId().startsWith("unknown")
            && !r.itemId().startsWith("zzz") && TOKEN_OK.test(r) ? Fault.Res.json(200, "").withBody("") : null)));
    out.add(new Injected("use_after_free", "a deleted opportunity can still be read", new SoftDelete(false), null));

    out.add(fault("ensure_resource_availability", "a new opportunity reads 404 for a moment (replica lag)",
        new ReplicaLag()));
    out.add(fault("ensure_resource_availability", "create answers the id in upper case",
        response((r, res) -> {
          if (r.isCollection() && r.method().equals("POST") && res.status() == 200) {
            ObjectNode n = (ObjectNode) res.json();
            n.put("id", n.get("id").asText().toUpperCase(java.util.Locale.ROOT) + "X");
            return res.withJson(n);
          }
          return res;
        })));

    out.add(new Injected("max_response_time", "the second page of a list takes 300 ms",
        answer(r -> {
          if (r.isCollection() && r.method().equals("GET") && FaultProxy.split(r.query()).contains("page=2")) {
            sleep(300);
          }
          return null;
        }), 250.0));
    out.add(new Injected("max_response_time", "reads of one opportunity take 300 ms",
        answer(r -> {
          if (r.isItem() && r.method().equals("GET")) {
            sleep(300);
          }
          return null;
        }), 250.0));

    // ---------------------------------------------------------------- the contract's rules
    out.add(fault("created_opportunity_reads_back", "monetaryValue is not stored on create",
        request(r -> {
          JsonNode b = r.json();
          if (r.isCollection() && r.method().equals("POST") && b != null && b.isObject()) {
            ((ObjectNode) b).remove("monetaryValue");
            return r.withBody(Json.write(b));
          }
          return r;
        })));
    out.add(fault("created_opportunity_reads_back", "the opportunity's name is the contact's name",
        response((r, res) -> eachOpportunity(res, o -> {
          if (o.path("contact").path("name").isTextual()) {
            o.put("name", o.get("contact").get("name").asText());
          }
        }))));
    out.add(fault("created_opportunity_reads_back", "sent tags replace the contact's instead of being added",
        response((r, res) -> {
          JsonNode b = r.json();
          if (r.isCollection() && r.method().equals("POST") && res.status() == 200 && b != null
              && b.path("tags").isArray() && b.get("tags").size() > 1) {
            ObjectNode n = (ObjectNode) res.json();
            ArrayNode tags = ((ObjectNode) n.get("contact")).putArray("tags");
            tags.add(b.get("tags").get(0));
            return res.withJson(n);
          }
          return res;
        })));

    out.add(fault("update_persists", "updatedAt is never maintained",
        response((r, res) -> (r.isItem() || r.isCollection()) ? eachOpportunity(res,
            o -> o.set("updatedAt", o.get("createdAt"))) : res)));
    out.add(fault("update_persists", "every update moves lastStatusChangeAt",
        response((r, res) -> r.isItem() && r.method().equals("PUT")
            ? eachOpportunity(res, o -> o.set("lastStatusChangeAt", o.get("updatedAt"))) : res)));

    out.add(fault("status_change_persists", "the status change answers 200 and changes nothing",
        answer(r -> r.isStatus() && r.method().equals("PUT") && TOKEN_OK.test(r) && r.json() != null
            && r.json().path("status").isTextual() && r.json().path("stageId").isTextual()
            && r.json().path("stageId").asText().length() < 64 ? Fault.Res.json(200, "").withBody("") : null)));
    out.add(new Injected("status_change_persists", "lastStatusChangeAt moves on a stage-only change",
        new StatusStamp(), null));

    out.add(fault("delete_removes", "DELETE answers the deleted opportunity",
        response((r, res) -> r.isItem() && r.method().equals("DELETE") && res.status() == 200
            ? res.withBody("{\"deleted\":true}").withHeader("Content-Type", "application/json") : res)));
    out.add(new Injected("delete_removes", "deleted opportunities stay in the list", new SoftDelete(true), null));

    out.add(fault("pages_partition", "page N answers page N-1 (off by one)",
        request(r -> r.isCollection() && r.method().equals("GET") ? r.withQuery(query(r, p -> {
          if (p.matches("page=[0-9]{1,6}") && Integer.parseInt(p.substring(5)) > 1) {
            return "page=" + (Integer.parseInt(p.substring(5)) - 1);
          }
          return p;
        })) : r)));
    out.add(fault("pages_partition", "nextPage is always set",
        response((r, res) -> {
          JsonNode n = res.json();
          if (r.isCollection() && res.status() == 200 && n != null && n.path("meta").isObject()) {
            ObjectNode meta = (ObjectNode) n.get("meta");
            meta.put("nextPage", meta.path("currentPage").asInt() + 1);
            return res.withJson(n);
          }
          return res;
        })));
    out.add(fault("pages_partition", "meta.total counts only the page",
        response((r, res) -> {
          JsonNode n = res.json();
          if (r.isCollection() && res.status() == 200 && n != null && n.path("meta").isObject()) {
            ((ObjectNode) n.get("meta")).put("total", n.path("opportunities").size());
            return res.withJson(n);
          }
          return res;
        })));

    out.add(fault("filters_match", "the status filter is ignored",
        request(r -> r.isCollection() && r.method().equals("GET")
            ? r.withQuery(query(r, p -> p.startsWith("status=") ? "" : p)) : r)));
    out.add(fault("filters_match", "the title filter is case-sensitive",
        response((r, res) -> {
          JsonNode n = res.json();
          String title = FaultProxy.split(r.query()).stream().filter(p -> p.startsWith("title="))
              .map(p -> java.net.URLDecoder.decode(p.substring(6), java.nio.charset.StandardCharsets.UTF_8))
              .findFirst().orElse(null);
          if (r.isCollection() && title != null && n != null && n.path("opportunities").isArray()) {
            ArrayNode items = (ArrayNode) n.get("opportunities");
            for (Iterator<JsonNode> it = items.iterator(); it.hasNext(); ) {
              if (!it.next().path("name").asText().contains(title)) {
                it.remove();
              }
            }
            return res.withJson(n);
          }
          return res;
        })));

    out.add(fault("duplicate_opportunity_rule", "a duplicate is answered 200",
        response((r, res) -> res.status() == 400 && res.text().contains("duplicate")
            ? Fault.Res.json(200, "{\"msg\":\"ok\"}") : res)));
    out.add(fault("duplicate_opportunity_rule", "a duplicate is answered 422",
        response((r, res) -> res.status() == 400 && res.text().contains("duplicate")
            ? Fault.Res.json(422, "{\"contactId\":{\"message\":\"Duplicate.\",\"rule\":\"invalid\"}}") : res)));

    out.add(fault("contact_identification_rule", "no contact is answered 400",
        response((r, res) -> res.status() == 422 && res.text().contains("contactId or email")
            ? Fault.Res.json(400, "{\"msg\":\"Bad Request\"}") : res)));
    out.add(fault("contact_identification_rule", "an unknown contactId creates a new contact",
        request(r -> {
          JsonNode b = r.json();
          if (b != null && b.path("contactId").asText("").startsWith("unknown") && !b.has("email")) {
            ((ObjectNode) b).remove("contactId");
            ((ObjectNode) b).put("phone", "+1999" + Math.abs(b.hashCode()));
            return r.withBody(Json.write(b));
          }
          return r;
        })));

    out.add(fault("tenant_isolation", "another location's token can read",
        request(r -> ("Bearer " + OTHER).equals(r.auth()) && r.method().equals("GET")
            ? r.withHeader("Authorization", "Bearer " + TOKEN) : r)));
    out.add(fault("tenant_isolation", "another location's token can change status",
        request(r -> ("Bearer " + OTHER).equals(r.auth()) && r.isStatus()
            ? r.withHeader("Authorization", "Bearer " + TOKEN) : r)));

    out.add(fault("error_body_shape", "404 says \"Opportunity not found\"",
        response((r, res) -> res.status() == 404 ? Fault.Res.json(404, "{\"msg\":\"Opportunity not found\"}") : res)));
    out.add(fault("error_body_shape", "422 rules use another vocabulary",
        response((r, res) -> res.status() == 422 ? res.withBody(res.text().replace("\"rule\":\"max\"", "\"rule\":\"too_long\"")) : res)));
    out.add(fault("error_body_shape", "422 keys in snake_case",
        response((r, res) -> res.status() == 422 ? res.withBody(res.text().replace("\"stageId\":", "\"stage_id\":")) : res)));
    return out;
  }

  /** Requests sent with the location's own token. */
  static final java.util.function.Predicate<Fault.Req> TOKEN_OK = r -> ("Bearer " + TOKEN).equals(r.auth());

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Soft delete: DELETE only marks; reads (or only lists) still show the opportunity. */
  static final class SoftDelete implements Fault {
    private final boolean listsOnly;
    private final Map<String, JsonNode> lastSeen = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    SoftDelete(boolean listsOnly) {
      this.listsOnly = listsOnly;
    }

    @Override
    public void reset() {
      lastSeen.clear();
      deleted.clear();
    }

    @Override
    public Fault.Res answer(Fault.Req r) {
      if (!listsOnly && r.isItem() && r.method().equals("GET") && deleted.contains(r.itemId())
          && TOKEN_OK.test(r)) {
        return Fault.Res.json(200, Json.write(lastSeen.get(r.itemId())));
      }
      return null;
    }

    @Override
    public Fault.Res response(Fault.Req r, Fault.Res res) {
      if (res.status() == 200) {
        for (JsonNode o : res.opportunities()) {
          lastSeen.put(o.path("id").asText(), o.deepCopy());
        }
      }
      if (r.isItem() && r.method().equals("DELETE") && res.status() == 200 && lastSeen.containsKey(r.itemId())) {
        deleted.add(r.itemId());
      }
      JsonNode n = res.json();
      if (listsOnly && r.isCollection() && r.method().equals("GET") && res.status() == 200 && n != null
          && n.path("opportunities").isArray()) {
        String email = FaultProxy.split(r.query()).stream().filter(p -> p.startsWith("email="))
            .map(p -> java.net.URLDecoder.decode(p.substring(6), java.nio.charset.StandardCharsets.UTF_8))
            .findFirst().orElse(null);
        for (String id : deleted) {
          JsonNode o = lastSeen.get(id);
          if (o != null && email != null && email.equalsIgnoreCase(o.path("contact").path("email").asText())) {
            ((ArrayNode) n.get("opportunities")).add(o);
            ObjectNode meta = (ObjectNode) n.get("meta");
            meta.put("total", meta.path("total").asLong() + 1);
          }
        }
        return res.withJson(n);
      }
      return res;
    }
  }

  /** Reads of an opportunity created less than a moment ago answer 404, as from a lagging replica. */
  static final class ReplicaLag implements Fault {
    private final Map<String, Long> createdAt = new ConcurrentHashMap<>();

    @Override
    public void reset() {
      createdAt.clear();
    }

    @Override
    public Fault.Res answer(Fault.Req r) {
      Long t = r.isItem() && r.method().equals("GET") ? createdAt.get(r.itemId()) : null;
      if (t != null && System.nanoTime() - t < 300_000_000L) {
        return Fault.Res.json(404, "{\"msg\":\"Not Found\"}");
      }
      return null;
    }

    @Override
    public Fault.Res response(Fault.Req r, Fault.Res res) {
      if (r.isCollection() && r.method().equals("POST") && res.status() == 200) {
        createdAt.put(res.json().path("id").asText(), System.nanoTime());
      }
      return res;
    }
  }

  /** Every status call stamps lastStatusChangeAt, even when only the stage changed. */
  static final class StatusStamp implements Fault {
    private final Set<String> stamped = ConcurrentHashMap.newKeySet();

    @Override
    public void reset() {
      stamped.clear();
    }

    @Override
    public Fault.Res response(Fault.Req r, Fault.Res res) {
      if (r.isStatus() && r.method().equals("PUT") && res.status() == 200) {
        stamped.add(r.path().split("/")[5]);
      }
      if (r.isItem() && r.method().equals("GET") && stamped.contains(r.itemId())) {
        return eachOpportunity(res, o -> o.set("lastStatusChangeAt", o.get("updatedAt")));
      }
      return res;
    }
  }
}
