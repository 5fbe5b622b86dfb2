package com.onautomate.opportunities.conformance.stateful;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.links.Link;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The links of an operation's first 2xx response, evaluated on an exchange of it: OpenAPI runtime expressions
 * ({@code $response.body#/id}, {@code $request.path.pipelineId}) or constants, as Schemathesis's
 * {@code specs/openapi/expressions} evaluates them.
 *
 * <pre>{@code Map<String, String> params = new Links(create).parameters(get, createExchange); // {pipelineId=…, opportunityId=…}}</pre>
 */
public final class Links {
  private static final String RESPONSE_BODY = "$response.body#";
  private static final String REQUEST_PATH = "$request.path.";

  private final Map<String, Link> links;

  public Links(Operation source) {
    this.links = source.links();
  }

  /**
   * The parameters of the link to {@code target}, evaluated on {@code source} (an exchange of the linking operation);
   * null when no link leads to the target or an expression has no value in the exchange ({@link #whyNot} says which).
   */
  public Map<String, String> parameters(Operation target, Exchange source) {
    Link link = linkTo(target);
    if (link == null) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : link.getParameters().entrySet()) {
      String value = evaluate(String.valueOf(p.getValue()), source);
      if (value == null) {
        return null;
      }
      params.put(p.getKey(), value);
    }
    return params;
  }

  /**
   * Why the link to {@code target} cannot be followed from {@code source}, as the end of a sentence about the
   * source's answer ("has no `id`", "is not JSON, so it has no `id`"); null when it can be followed.
   */
  public String whyNot(Operation target, Exchange source) {
    Link link = linkTo(target);
    if (link == null) {
      return "leads nowhere: the contract has no link to " + target.id();
    }
    for (Object expression : link.getParameters().values()) {
      String e = String.valueOf(expression);
      if (evaluate(e, source) != null) {
        continue;
      }
      if (e.startsWith(RESPONSE_BODY)) {
        String field = "`" + e.substring(RESPONSE_BODY.length() + 1).replace('/', '.') + "`";
        JsonNode body = Json.parse(source.response().body());
        return body == null ? "is not JSON, so it has no " + field : "has no " + field + " (" + e + ")";
      }
      return "gives no value for " + e;
    }
    return null;
  }

  private Link linkTo(Operation target) {
    for (Link link : links.values()) {
      if (target.id().equals(link.getOperationId()) && link.getParameters() != null) {
        return link;
      }
    }
    return null;
  }

  /** The value of one runtime expression in an exchange (a constant is its own value); null when it has none. */
  static String evaluate(String expression, Exchange source) {
    if (expression.startsWith(RESPONSE_BODY)) {
      JsonNode body = Json.parse(source.response().body());
      JsonNode v = body == null ? null : body.at(JsonPointer.compile(expression.substring(RESPONSE_BODY.length())));
      return v == null || v.isMissingNode() || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
    if (expression.startsWith(REQUEST_PATH)) {
      String name = expression.substring(REQUEST_PATH.length());
      return source.operation().pathTemplate().read(source.request().path(), name);
    }
    return expression;
  }
}
