package com.onautomate.opportunities.conformance.proxy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.PathTemplate;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.semantic.ContactIdentificationRule;
import com.onautomate.opportunities.conformance.spec.Contract;
import com.onautomate.opportunities.conformance.spec.Operation;
import com.onautomate.opportunities.conformance.spec.OperationMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a request from live traffic is, decided from the request itself, so that the checks judge it as they judge a
 * generated case of that kind:
 * <ul>
 *   <li>a path no operation documents: outside the contract (forwarded, not judged); {@code HEAD} likewise (servers
 *       answer it as a GET without a body; the contract documents none and its decision (k) ignores it);</li>
 *   <li>{@code OPTIONS}: {@link Kind#OPTIONS}; a method the path does not document: {@link Kind#UNSUPPORTED_METHOD};</li>
 *   <li>no {@code Authorization} header on an operation that requires one: {@link Kind#MISSING_AUTH};</li>
 *   <li>a request the contract's schemas refuse (parameters, media type, body — swagger-request-validator, undocumented
 *       properties allowed as the suite reads them), or a create or update naming no contact or an empty one (the
 *       contract's rule, told from the body alone): {@link Kind#NEGATIVE};</li>
 *   <li>otherwise {@link Kind#POSITIVE} — except a JSON object sent as {@code application/x-www-form-urlencoded} (curl's
 *       default; the contract answers 415, some servers read it as JSON), which the data-acceptance checks do not
 *       judge ({@link Kind#SCENARIO}).</li>
 * </ul>
 * A valid request can still be refused for what only the server's data tells ({@code StoredDataRefusal}).
 * Whether a token is valid cannot be told from the request either: {@code ignored_auth} judges only what the
 * generated cases send.
 */
final class LiveCase {
  private final OperationMatcher matcher;
  private final OpenApiInteractionValidator validator;

  LiveCase(Contract contract) {
    this.matcher = new OperationMatcher(contract);
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(contract.text())
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
            .build())
        .build();
  }

  /**
   * The case a request makes, or null when it is outside the contract.
   *
   * @param request the request as received, its path with one trailing slash removed
   */
  TestCase classify(Request request) {
    OperationMatcher.Match match = matcher.match(request.method(), request.path());
    String method = request.method().toUpperCase(Locale.ROOT);
    if (match == null || method.equals("HEAD")) {
      return null;
    }
    if (method.equals("OPTIONS")) {
      return new TestCase(match.onPath(), null, Kind.OPTIONS, "live traffic: OPTIONS", null, request);
    }
    Operation op = match.operation();
    if (op == null) {
      return new TestCase(match.onPath(), null, Kind.UNSUPPORTED_METHOD, "live traffic: " + method
          + " (undocumented on " + match.onPath().path() + ")", null, request);
    }
    if (op.requiresAuth() && header(request, "Authorization") == null) {
      return new TestCase(op, null, Kind.MISSING_AUTH, "live traffic without an Authorization header", null, request);
    }
    String contentType = header(request, "Content-Type");
    JsonNode body = Json.parse(request.body());
    boolean formJson = contentType != null && contentType.toLowerCase(Locale.ROOT)
        .startsWith("application/x-www-form-urlencoded") && body != null && body.isObject();
    List<String> problems = problems(op, formJson ? withContentType(request, "application/json") : request);
    if (writes(op) && body != null && ContactIdentificationRule.namesNoContact(body)) {
      problems.add("names no contact (none of contactId, email, phone)");
    }
    if (writes(op)) {
      ContactIdentificationRule.emptyIdentifiers(body).forEach(f -> problems.add(f + " is empty"));
    }
    if (!problems.isEmpty()) {
      return new TestCase(op, null, Kind.NEGATIVE, "live traffic: " + String.join("; ", problems), null, request);
    }
    if (formJson) {
      return new TestCase(op, null, Kind.SCENARIO, "live traffic: a JSON body sent as " + contentType
          + " (whether it is read is the server's choice here)", null, request);
    }
    return new TestCase(op, null, Kind.POSITIVE, "live traffic: a valid request", null, request);
  }

  private static boolean writes(Operation op) {
    return op.id().equals("createOpportunity") || op.id().equals("updateOpportunity");
  }

  /** What the contract's schemas refuse in the request: parameters, media type, body. */
  private List<String> problems(Operation op, Request request) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(op.method(), request.path());
    request.headers().forEach((name, value) -> b.withHeader(name, value));
    List<String> problems = new ArrayList<>();
    String rawQuery = request.rawQuery();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      Map<String, List<String>> params = new LinkedHashMap<>();
      for (String pair : rawQuery.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        try {
          params.computeIfAbsent(PathTemplate.decode(eq < 0 ? pair : pair.substring(0, eq)), k -> new ArrayList<>())
              .add(eq < 0 ? "" : PathTemplate.decode(pair.substring(eq + 1)));
        } catch (IllegalArgumentException e) {
          problems.add("a query that does not decode (" + pair + ")");
        }
      }
      params.forEach((name, values) -> b.withQueryParam(name, values.toArray(String[]::new)));
    }
    if (request.body() != null) {
      b.withBody(request.body());
    }
    ValidationReport report = validator.validateRequest(b.build());
    report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getMessage().lines().findFirst().orElse(m.getKey()))
        .distinct()
        .forEach(problems::add);
    return problems;
  }

  private static Request withContentType(Request request, String contentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach((name, value) -> headers.put(name, name.equalsIgnoreCase("Content-Type") ? contentType
        : value));
    return request.withHeaders(headers);
  }

  static String header(Request request, String name) {
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }
}
