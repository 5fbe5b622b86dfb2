package com.onautomate.opportunities.mockserver.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onautomate.opportunities.mockserver.answers.DocumentedOperations.DocumentedResponse;
import com.onautomate.opportunities.mockserver.answers.DocumentedOperations.Operation;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns {@code Prefer: code=NNN} and {@code example=NAME} into the answer the contract documents
 * for an operation, or into the reason there is none. With a code, its first example (or a body
 * valid for its schema, or no body when it documents none); with a name, that example of that
 * status; with a name alone, the first status that has an example of that name, 2xx first.
 */
final class ChosenAnswers {

  /** What a request gets: an answer, or the mock server's refusal. */
  sealed interface Outcome permits Answer, Refusal {
  }

  /** A documented answer: status, headers with their documented values, body (empty for none). */
  record Answer(int status, Map<String, String> headers, Optional<String> contentType, byte[] body, String applied)
      implements Outcome {
  }

  /** Why the preferences cannot be honoured; {@code kind} names it in the problem's {@code type}. */
  record Refusal(String kind, String title, String detail) implements Outcome {
  }

  private final DocumentedOperations contract;
  private final SchemaExamples values;
  private final ObjectMapper json = new ObjectMapper();

  ChosenAnswers(DocumentedOperations contract) {
    this.contract = contract;
    this.values = new SchemaExamples(contract::resolve);
  }

  Optional<Operation> operation(String method, String path) {
    return contract.match(method, path);
  }

  /** {@code code} and {@code example} as sent (either may be null, not both). */
  Outcome choose(Operation operation, String code, String example) {
    DocumentedResponse response;
    if (code != null) {
      if (!code.matches("[1-5][0-9][0-9]")) {
        return new Refusal("bad-preference", "Prefer: code=" + code + " is not a status code",
            "code= takes a status of three digits, one that " + operation.operationId() + " documents: "
                + statuses(operation) + ".");
      }
      response = operation.responses().get(Integer.parseInt(code));
      if (response == null) {
        return new Refusal("unknown-code", operation.operationId() + " documents no " + code + " answer",
            operation.operationId() + " documents " + statuses(operation) + "; Prefer: code=" + code + " is none of them.");
      }
      if (example != null && !response.examples().containsKey(example)) {
        return new Refusal("unknown-example", "The " + code + " answer of " + operation.operationId()
            + " has no example " + example, "Its examples: " + names(response) + ".");
      }
    } else {
      response = operation.searchOrder().stream().filter(r -> r.examples().containsKey(example)).findFirst().orElse(null);
      if (response == null) {
        return new Refusal("unknown-example", operation.operationId() + " documents no example " + example,
            "Its examples by status: " + operation.responses().values().stream()
                .map(r -> r.status() + " " + names(r)).collect(Collectors.joining("; ")) + ".");
      }
    }
    return answer(response, example);
  }

  private Answer answer(DocumentedResponse response, String example) {
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().forEach((name, header) -> headers.put(name, text(headerValue(header))));
    String applied = "code=" + response.status() + (example == null ? "" : ", example=" + example);
    if (response.mediaType().isEmpty()) {
      return new Answer(response.status(), headers, Optional.empty(), new byte[0], applied);
    }
    JsonNode body = example != null ? response.examples().get(example)
        : response.examples().values().stream().findFirst()
            .orElseGet(() -> response.schema().map(values::valueOf).orElse(null));
    if (body == null) {
      return new Answer(response.status(), headers, Optional.empty(), new byte[0], applied);
    }
    try {
      return new Answer(response.status(), headers, response.mediaType(), json.writeValueAsBytes(body), applied);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A documented header's value: its example, else its schema's, else one valid for its schema. */
  private JsonNode headerValue(JsonNode header) {
    if (header.has("example")) {
      return header.get("example");
    }
    return values.valueOf(header.path("schema"));
  }

  private static String text(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static String statuses(Operation operation) {
    return operation.responses().keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static String names(DocumentedResponse response) {
    List<String> names = List.copyOf(response.examples().keySet());
    return names.isEmpty() ? "none" : String.join(", ", names);
  }
}
