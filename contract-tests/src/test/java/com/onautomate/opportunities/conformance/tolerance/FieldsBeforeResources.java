package com.onautomate.opportunities.conformance.tolerance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.ContractDecision;
import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.mockserver.DemoData;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The other order the contract allows between 404 and 422: a write to a pipeline or opportunity that does not exist
 * whose body breaks a field rule answers 422 (its fields checked first), and a list of a pipeline that does not exist
 * with an invalid query answers 404 (the pipeline read first) — the mock server does both the other way round.
 */
final class FieldsBeforeResources extends Counted {
  private static final Set<String> KNOWN_PIPELINES = Set.of(DemoData.PIPELINE_ID, DemoData.DUPLICATES_PIPELINE_ID,
      DemoData.OTHER_PIPELINE_ID);
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  private final OpenApiInteractionValidator validator = OpenApiInteractionValidator
      .createForInlineApiSpecification(Suite.CONTRACT.text())
      .withLevelResolver(LevelResolver.create()
          .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
      .build();

  @Override
  public String name() {
    return "404 and 422 the other way round: fields before the resource, the pipeline before the query";
  }

  @Override
  public Set<ContractDecision> decisions() {
    return Set.of(ContractDecision.D_ORDER_OF_ERRORS);
  }

  @Override
  public ProxyResponse response(ProxyRequest request, ProxyResponse response) {
    if (response.status() == 422 && request.method().equals("GET") && request.isCollection()
        && !KNOWN_PIPELINES.contains(request.path().split("/")[3])) {
      count();
      return ProxyResponse.json(404, "{\"msg\":\"Not Found\"}");
    }
    if (response.status() != 404 || !request.hasJsonBody() || request.json() == null || !request.json().isObject()) {
      return response;
    }
    Set<String> fields = offendingFields(request);
    if (fields.isEmpty()) {
      return response;
    }
    ObjectNode body = Json.object();
    for (String f : fields) {
      body.putObject(f).put("message", "The " + f + " field is invalid.").put("rule", "invalid");
    }
    count();
    return ProxyResponse.json(422, Json.write(body));
  }

  /** The body properties the contract's schema refuses, by swagger-request-validator. */
  private Set<String> offendingFields(ProxyRequest request) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(request.method(), request.path())
        .withContentType("application/json").withBody(request.text());
    Set<String> fields = new LinkedHashSet<>();
    for (ValidationReport.Message m : validator.validateRequest(b.build()).getMessages()) {
      if (!m.getKey().startsWith("validation.request.body") || m.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      String pointer = m.getContext().flatMap(ValidationReport.MessageContext::getPointers)
          .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
      if (pointer.length() > 1) {
        fields.add(pointer.substring(1).split("/")[0]);
      } else if (m.getKey().toLowerCase(Locale.ROOT).endsWith(".required")) {
        Matcher names = QUOTED.matcher(m.getMessage());
        while (names.find()) {
          fields.add(names.group(1));
        }
      }
    }
    return fields;
  }
}
