package com.onautomate.opportunities.conformance.faults;

import static com.onautomate.opportunities.conformance.faults.Faults.answer;
import static com.onautomate.opportunities.conformance.faults.Faults.request;
import static com.onautomate.opportunities.conformance.faults.Faults.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.ContractDecision;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.http.PathTemplate;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What each contract decision (a)–(k) forbids, injected as a fault the suite must catch: the other half of the proof
 * whose first half is the mock server and the tolerance matrix passing.
 */
public final class DecisionFaults {
  /** A fault that breaks {@code decision}. */
  record Forbidden(ContractDecision decision, Faults.Injected injected) {
  }

  private DecisionFaults() {
  }

  /** How many faults break {@code decision}. */
  public static long forbidding(ContractDecision decision) {
    return all().stream().filter(f -> f.decision() == decision).count();
  }

  private static Forbidden forbid(ContractDecision d, String check, String name, Fault f) {
    return new Forbidden(d, new Faults.Injected(check, "(" + d.letter() + ") " + name, f, null));
  }

  static List<Forbidden> all() {
    List<Forbidden> out = new ArrayList<>();
    out.add(forbid(ContractDecision.A_NULL_OR_EMPTY_IDENTIFIER, "contact_identification_rule",
        "an empty contactId beside an email is ignored", request(r -> {
          JsonNode b = r.json();
          if (b != null && b.path("contactId").isTextual() && b.get("contactId").asText().isEmpty()) {
            ((ObjectNode) b).remove("contactId");
            return r.withBody(Json.write(b));
          }
          return r;
        })));
    out.add(forbid(ContractDecision.A_NULL_OR_EMPTY_IDENTIFIER, "positive_data_acceptance",
        "a null contactId is refused as not a string", answer(r -> {
          JsonNode b = r.json();
          return b != null && b.has("contactId") && b.get("contactId").isNull()
              ? Fault.Res.json(422, "{\"contactId\":{\"message\":\"The contact id must be a string.\",\"rule\":\"string\"}}")
              : null;
        })));
    out.add(forbid(ContractDecision.B_SHARED_PHONE, "contact_identification_rule",
        "a phone several contacts share finds the newest", new NewestContactByPhone()));
    out.add(forbid(ContractDecision.C_CASE_AND_TAGS, "filters_match", "the title filter ignores accents",
        request(r -> r.isCollection() && r.query().contains("title=") && r.query().contains("emile")
            ? r.withQuery(r.query().replace("emile", "%C3%A9mile")) : r)));
    out.add(forbid(ContractDecision.C_CASE_AND_TAGS, "filters_match", "the tags filter ignores case",
        request(r -> r.isCollection() && r.hasParam("tags") ? r.withQuery(FaultProxy.split(r.query()).stream()
            .map(p -> p.startsWith("tags=") ? "tags=" + PathTemplate.encodeSegment(
                PathTemplate.decode(p.substring(5)).toLowerCase(Locale.ROOT)) : p)
            .collect(Collectors.joining("&"))) : r)));
    out.add(forbid(ContractDecision.D_ORDER_OF_ERRORS, "error_precedence",
        "a body that is not JSON is refused 400 before the credentials are checked", answer(r -> r.auth() == null
            && r.body().length > 0 && r.json() == null ? Fault.Res.json(400, "{\"msg\":\"Bad Request\"}") : null)));
    out.add(forbid(ContractDecision.D_ORDER_OF_ERRORS, "error_precedence",
        "a text/plain body that is not JSON is refused 400, not 415", answer(r -> r.body().length > 0
            && r.json() == null && String.valueOf(r.headers().get("Content-Type")).startsWith("text/plain")
            ? Fault.Res.json(400, "{\"msg\":\"Bad Request\"}") : null)));
    out.add(forbid(ContractDecision.E_EMPTY_BODY_OTHER_TYPE, "error_precedence",
        "an empty text/plain body is refused 422", answer(r -> r.body().length == 0
            && String.valueOf(r.headers().get("Content-Type")).startsWith("text/plain")
            ? Fault.Res.json(422, "{\"title\":{\"message\":\"The title field is mandatory.\",\"rule\":\"required\"}}")
            : null)));
    out.add(forbid(ContractDecision.F_PREV_PAGE_PAST_THE_END, "pages_partition",
        "a page past the end says prevPage is itself", response((r, res) -> {
          JsonNode n = res.json();
          if (r.isCollection() && res.status() == 200 && n != null && n.path("opportunities").isEmpty()
              && n.path("meta").path("currentPage").asInt() > 1) {
            ((ObjectNode) n.get("meta")).put("prevPage", n.get("meta").get("currentPage").asInt());
            return res.withJson(n);
          }
          return res;
        })));
    out.add(forbid(ContractDecision.G_NEXT_PAGE_URL, "pages_partition",
        "nextPageUrl is built on the server's internal address", nextPageUrl(url ->
            url.replaceFirst("^http://[^/]+", "http://10.0.0.7:8080"))));
    out.add(forbid(ContractDecision.G_NEXT_PAGE_URL, "pages_partition",
        "nextPageUrl forgets the filters", nextPageUrl(url -> url.substring(0, url.indexOf('?') + 1)
            + FaultProxy.split(url.substring(url.indexOf('?') + 1)).stream()
            .filter(p -> p.startsWith("page=") || p.startsWith("limit=")).collect(Collectors.joining("&")))));
    out.add(forbid(ContractDecision.H_NULL_ON_UPDATE, "update_persists",
        "null for an optional field of an update clears it", response((r, res) -> {
          JsonNode sent = r.json();
          if (r.isItem() && r.method().equals("PUT") && res.status() == 200 && sent != null && sent.isObject()) {
            ObjectNode answered = (ObjectNode) res.json();
            for (String f : List.of("assignedTo", "monetaryValue", "source")) {
              if (sent.has(f) && sent.get(f).isNull()) {
                answered.putNull(f);
              }
            }
            return res.withJson(answered);
          }
          return res;
        })));
    out.add(forbid(ContractDecision.I_MONETARY_VALUES, "created_opportunity_reads_back",
        "monetary values are rounded to cents", response((r, res) -> Faults.eachOpportunity(res, o -> {
          if (o.path("monetaryValue").isNumber()) {
            o.put("monetaryValue", o.get("monetaryValue").decimalValue().setScale(2, RoundingMode.HALF_EVEN));
          }
        }))));
    out.add(forbid(ContractDecision.J_EMPTY_ANSWER_CONTENT_TYPE, "status_change_persists",
        "the status change answers {}", response((r, res) -> r.isStatus() && res.status() == 200
            ? Fault.Res.json(200, "{}") : res)));
    out.add(forbid(ContractDecision.K_METHOD_NOT_ALLOWED, "unsupported_method",
        "undocumented methods are answered 404", response((r, res) -> res.status() == 405
            ? Fault.Res.json(404, "{\"msg\":\"Not Found\"}") : res)));
    return out;
  }

  /** A list answer whose {@code nextPageUrl} is rewritten. */
  private static Fault nextPageUrl(java.util.function.UnaryOperator<String> rewrite) {
    return response((r, res) -> {
      JsonNode n = res.json();
      if (r.isCollection() && n != null && n.path("meta").path("nextPageUrl").isTextual()) {
        ((ObjectNode) n.get("meta")).put("nextPageUrl", rewrite.apply(n.get("meta").get("nextPageUrl").asText()));
        return res.withJson(n);
      }
      return res;
    });
  }

  /** Identified by a phone alone, the contact is the newest with that phone, not the one created first. */
  static final class NewestContactByPhone implements Fault {
    private final Map<String, String> newest = new ConcurrentHashMap<>();

    @Override
    public void reset() {
      newest.clear();
    }

    @Override
    public Fault.Req request(Fault.Req r) {
      JsonNode b = r.json();
      if (b == null || !b.isObject() || !b.path("phone").isTextual() || b.path("email").isTextual()
          || b.path("contactId").isTextual()) {
        return r;
      }
      String contact = newest.get(b.get("phone").asText());
      if (contact == null) {
        return r;
      }
      ((ObjectNode) b).remove("phone");
      ((ObjectNode) b).put("contactId", contact);
      return r.withBody(Json.write(b));
    }

    @Override
    public Fault.Res response(Fault.Req r, Fault.Res res) {
      if (r.isCollection() && r.method().equals("POST") && res.status() == 200) {
        JsonNode contact = res.json() == null ? null : res.json().path("contact");
        if (contact != null && contact.path("phone").isTextual()) {
          newest.put(contact.get("phone").asText(), contact.path("id").asText());
        }
      }
      return res;
    }
  }
}
