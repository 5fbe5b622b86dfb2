package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Catches documented response headers that are missing (when required) or break their schema. */
public final class ResponseHeadersConformance implements AnswerCheck {

  @Override
  public String name() {
    return "response_headers_conformance";
  }

  @Override
  public Inputs inputs() {
    return Inputs.every("answers", e -> true)
        .incidental("the contract documents headers only on 429 and 503 (Retry-After), and no answer was either");
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    Map<String, Header> documented = exchange.operation().headers(exchange.response().status());
    if (documented.isEmpty()) {
      return CheckResult.skip();
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Header> h : documented.entrySet()) {
      String value = exchange.response().header(h.getKey());
      if (value == null) {
        if (Boolean.TRUE.equals(h.getValue().getRequired())) {
          missing.add(h.getKey());
        }
        continue;
      }
      String problem = violation(value, h.getValue().getSchema());
      if (problem != null) {
        return CheckResult.fail("Response header does not conform to the schema",
            h.getKey() + ": " + value, problem);
      }
    }
    if (!missing.isEmpty()) {
      return CheckResult.fail("Missing required headers", "no " + String.join(", ", missing) + " header",
          "required headers " + String.join(", ", missing));
    }
    return CheckResult.pass();
  }

  /** Coerces the header text to the schema's type and checks type, minimum and maximum. */
  static String violation(String value, Schema<?> schema) {
    if (schema == null || schema.getType() == null) {
      return null;
    }
    switch (schema.getType()) {
      case "integer", "number" -> {
        BigDecimal n;
        try {
          n = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
          return "type " + schema.getType();
        }
        if (schema.getType().equals("integer") && n.stripTrailingZeros().scale() > 0) {
          return "type integer";
        }
        if (schema.getMinimum() != null && n.compareTo(schema.getMinimum()) < 0) {
          return "minimum " + schema.getMinimum();
        }
        if (schema.getMaximum() != null && n.compareTo(schema.getMaximum()) > 0) {
          return "maximum " + schema.getMaximum();
        }
        return null;
      }
      case "boolean" -> {
        return value.equals("true") || value.equals("false") ? null : "type boolean";
      }
      default -> {
        return null;
      }
    }
  }
}
