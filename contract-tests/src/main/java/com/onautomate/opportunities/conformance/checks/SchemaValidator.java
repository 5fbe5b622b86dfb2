package com.onautomate.opportunities.conformance.checks;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.spec.Contract;
import java.util.List;
import java.util.Map;

/**
 * Validates bodies against the contract with swagger-request-validator (OpenAPI 3.0 semantics: nullable, formats).
 *
 * <p>An object may carry properties its schema does not list unless the schema says {@code additionalProperties:
 * false}, as OpenAPI 3.0 (JSON Schema) and Schemathesis read it. swagger-request-validator's default is stricter: it
 * injects {@code additionalProperties: false} into every schema that lists properties and does not say otherwise. Its
 * level resolver turns that injection off when {@value #ADDITIONAL_PROPERTIES} is ignored, while a schema's explicit
 * {@code false} is still reported (under {@code validation.response.body.schema.additionalProperties}).
 * {@code strict} keeps the library's reading, for teams that want every undocumented property reported.
 *
 * <pre>{@code SchemaValidator lenient = new SchemaValidator(contract, false);}</pre>
 */
public final class SchemaValidator {
  /** The message key whose level decides whether swagger-request-validator injects additionalProperties: false. */
  static final String ADDITIONAL_PROPERTIES = "validation.schema.additionalProperties";

  private final OpenApiInteractionValidator validator;
  private final boolean strict;

  /** The contract's own reading: undocumented properties allowed unless a schema forbids them. */
  public SchemaValidator(Contract contract) {
    this(contract, false);
  }

  /**
   * A validator of the contract.
   *
   * @param strict whether every object schema forbids properties it does not list ({@code --strict-schemas})
   */
  public SchemaValidator(Contract contract, boolean strict) {
    OpenApiInteractionValidator.Builder builder =
        OpenApiInteractionValidator.createForInlineApiSpecification(contract.text());
    if (!strict) {
      builder.withLevelResolver(LevelResolver.create()
          .withLevel(ADDITIONAL_PROPERTIES, ValidationReport.Level.IGNORE).build());
    }
    this.validator = builder.build();
    this.strict = strict;
  }

  /** Whether every object schema is read as if it said {@code additionalProperties: false}. */
  public boolean strict() {
    return strict;
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
