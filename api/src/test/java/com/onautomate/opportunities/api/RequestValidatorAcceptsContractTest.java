package com.onautomate.opportunities.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;

/**
 * swagger-request-validator (which the mock server's and the suite's tests use) loads the contract
 * and judges the vendor's own exchanges valid, and a broken one invalid.
 */
class RequestValidatorAcceptsContractTest {
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(Contract.url().toString()).build();
  private static final String OPPORTUNITY = "/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities/123akv4LFn6C9frZoy3e";

  @Test
  void theVendorsUpdateRequestIsValid() {
    String body = Contract.tree().at("/components/examples/updateRequest/value").toString();
    Request request = SimpleRequest.Builder.put(OPPORTUNITY)
        .withAuthorization("Bearer demo-token").withContentType("application/json").withBody(body).build();

    assertThat(messages(VALIDATOR.validateRequest(request))).isEmpty();
  }

  @Test
  void theVendorsOpportunityIsAValidResponse() {
    String body = Contract.tree().at("/components/examples/opportunity/value").toString();
    var response = SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build();

    assertThat(messages(VALIDATOR.validateResponse(OPPORTUNITY, Request.Method.GET, response))).isEmpty();
  }

  @Test
  void aRequestWithoutItsRequiredFieldsIsNot() {
    Request request = SimpleRequest.Builder.put(OPPORTUNITY)
        .withAuthorization("Bearer demo-token").withContentType("application/json")
        .withBody("{\"title\": \"\", \"status\": \"closed\"}").build();

    assertThat(messages(VALIDATOR.validateRequest(request))).isNotEmpty();
  }

  private static java.util.List<String> messages(ValidationReport report) {
    return report.getMessages().stream().map(m -> m.getLevel() + " " + m.getKey() + ": " + m.getMessage()).toList();
  }
}
