package com.onautomate.opportunities.mockserver.answers;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.mockserver.answers.ChosenAnswers.Answer;
import com.onautomate.opportunities.mockserver.answers.DocumentedOperations.DocumentedResponse;
import com.onautomate.opportunities.mockserver.answers.DocumentedOperations.Operation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answers {@code Prefer} chooses are the contract's: the examples as Swagger Parser reads them
 * from {@code openapi.yaml}, and where a body must be made from the schema, one the contract's
 * validator accepts, for every documented answer of every operation.
 */
class DocumentedAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl("openapi.yaml").build();

  @Test
  void everyOperationAndStatusOfTheYamlIsKnownWithItsExamples() throws Exception {
    ParseOptions resolve = new ParseOptions();
    resolve.setResolve(true);
    resolve.setResolveFully(true);
    OpenAPI yaml = new OpenAPIV3Parser().read("openapi.yaml", null, resolve);
    DocumentedOperations contract = DocumentedOperations.fromClassPath();

    int answers = 0;
    for (var path : yaml.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> op
          : path.getValue().readOperationsMap().entrySet()) {
        String concrete = path.getKey().replaceAll("\\{[^}]+}", "someId1");
        Operation operation = contract.match(op.getKey().name(), concrete).orElseThrow();
        assertThat(operation.operationId()).isEqualTo(op.getValue().getOperationId());
        assertThat(operation.responses().keySet().stream().map(String::valueOf).toList())
            .containsExactlyInAnyOrderElementsOf(op.getValue().getResponses().keySet());
        for (var documented : op.getValue().getResponses().entrySet()) {
          DocumentedResponse response = operation.responses().get(Integer.parseInt(documented.getKey()));
          var content = documented.getValue().getContent();
          Map<String, Object> expected = new HashMap<>();
          if (content != null) {
            content.get("application/json").getExamples().forEach((name, example) -> expected.put(name, example.getValue()));
          }
          assertThat(response.examples().keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
          for (var example : expected.entrySet()) {
            assertThat(response.examples().get(example.getKey()))
                .isEqualTo(JSON.readTree(io.swagger.v3.core.util.Json.mapper().writeValueAsString(example.getValue())));
          }
          answers++;
        }
      }
    }
    assertThat(answers).as("documented answers").isGreaterThanOrEqualTo(40);
  }

  @Test
  void everyChosenAnswerIsValidForTheContract() {
    assertEveryAnswerValid(DocumentedOperations.fromClassPath());
  }

  /** The same with every example taken out of the contract: then each body is made from its schema alone. */
  @Test
  void bodiesMadeFromTheSchemasAloneAreValidForTheContract() throws Exception {
    JsonNode document;
    try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
      document = JSON.readTree(in);
    }
    removeExamples(document);
    assertThat(document.toString()).doesNotContain("\"example");
    assertEveryAnswerValid(DocumentedOperations.of(document));
  }

  private static void assertEveryAnswerValid(DocumentedOperations contract) {
    ChosenAnswers answers = new ChosenAnswers(contract);
    int checked = 0;
    for (Operation operation : contract.operations()) {
      String path = operation.path().getPatternString().replaceAll("\\{[^}]+}", "someId1");
      for (int status : operation.responses().keySet()) {
        Answer answer = (Answer) answers.choose(operation, Integer.toString(status), null);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        answer.headers().forEach(response::withHeader);
        answer.contentType().ifPresent(response::withContentType);
        if (answer.body().length > 0) {
          response.withBody(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(operation.method()), response.build());
        assertThat(report.getMessages()).as(operation.operationId() + " " + status + ": " + new String(answer.body()))
            .isEmpty();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(40);
  }

  private static void removeExamples(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("example");
      object.remove("examples");
    }
    node.forEach(DocumentedAnswersTest::removeExamples);
  }
}
