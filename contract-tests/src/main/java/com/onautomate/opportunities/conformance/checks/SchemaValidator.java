package com.onautomate.opportunities.conformance.checks;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.spec.Contract;
import java.util.List;
import java.util.Map;

/** Validates bodies against the contract with swagger-request-validator (OpenAPI 3.0 semantics: nullable, formats). */
public final class SchemaValidator {
  private final OpenApiInteractionValidator validator;

  public SchemaValidator(Contract contract) {
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(contract.text()).build();
  }

  /** Messages about the response body's schema only (status and content type are other checks' business). */
  public List<String> responseBodyErrors(String method, String path, Response response) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(response.status());
    for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
      b.withHeader(h.getKey(), h.getValue());
    }
    if (!response.body().isEmpty()) {
      b.withBody(response.body());
    }
    ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), b.build());
    return report.getMessages().stream()
        .filter(m -> m.getKey().startsWith("validation.response.body"))
        .map(m -> m.getMessage() + pointer(m))
        .distinct()
        .toList();
  }

  private static String pointer(ValidationReport.Message m) {
    return m.getContext()
        .flatMap(ValidationReport.MessageContext::getPointers)
        .map(p -> " (at " + (p.getInstance().isEmpty() ? "/" : p.getInstance()) + ")")
        .orElse("");
  }

  /** Messages about a request (used to prove generated positive cases are valid). */
  public List<String> requestErrors(com.onautomate.opportunities.conformance.http.Request request) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(request.method(), request.path());
    request.headers().forEach(b::withHeader);
    request.query().forEach(e -> b.withQueryParam(e.getKey(), e.getValue()));
    if (request.body() != null) {
      b.withBody(request.body());
    }
    return validator.validateRequest(b.build()).getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage())
        .toList();
  }
}
