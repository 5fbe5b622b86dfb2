package com.onautomate.opportunities.mockserver.answers;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The contract's operations and the answers it documents for each, read from the contract the
 * server serves ({@code openapi.json}, bundled from {@code openapi.yaml} by the api module): the
 * examples are the contract's own, never copies. References ({@code $ref}) are followed where they
 * are read, by JSON pointer into the same document.
 */
final class DocumentedOperations {

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** One documented answer of an operation: its headers, and its JSON body's examples and schema. */
  record DocumentedResponse(int status, Optional<String> mediaType, Map<String, JsonNode> examples,
                            Optional<JsonNode> schema, Map<String, JsonNode> headers) {
  }

  /** An operation of the contract, with its documented answers by status, in ascending order. */
  record Operation(String operationId, String method, PathPattern path, Map<Integer, DocumentedResponse> responses) {

    /** The statuses in the order {@code example=NAME} alone searches them: the 2xx first, then the rest. */
    List<DocumentedResponse> searchOrder() {
      List<DocumentedResponse> order = new ArrayList<>();
      responses.values().stream().filter(r -> r.status() / 100 == 2).forEach(order::add);
      responses.values().stream().filter(r -> r.status() / 100 != 2).forEach(order::add);
      return order;
    }
  }

  private final JsonNode document;
  private final List<Operation> operations;

  private DocumentedOperations(JsonNode document) {
    this.document = document;
    this.operations = readOperations();
  }

  /** The contract on the class path (the api artifact's {@code openapi.json}). */
  static DocumentedOperations fromClassPath() {
    try (InputStream in = DocumentedOperations.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is not on the class path (the api artifact)");
      }
      return of(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.json cannot be read", e);
    }
  }

  /** The operations of an OpenAPI 3.0 document already read. */
  static DocumentedOperations of(JsonNode document) {
    return new DocumentedOperations(document);
  }

  List<Operation> operations() {
    return operations;
  }

  /** The operation a request is for, by method and path (without a trailing slash). */
  Optional<Operation> match(String method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (Operation operation : operations) {
      if (operation.method().equals(method) && operation.path().matches(container)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }

  /** The node itself, or what its {@code $ref} (followed as often as it chains) points at. */
  JsonNode resolve(JsonNode node) {
    JsonNode at = node;
    for (int hops = 0; at != null && at.has("$ref"); hops++) {
      String ref = at.get("$ref").asText();
      if (hops > 32 || !ref.startsWith("#/")) {
        throw new IllegalStateException("unsupported or circular $ref " + ref);
      }
      JsonNode target = document.at(JsonPointer.compile(ref.substring(1)));
      if (target.isMissingNode()) {
        throw new IllegalStateException("$ref to nowhere: " + ref);
      }
      at = target;
    }
    return at;
  }

  private List<Operation> readOperations() {
    List<Operation> read = new ArrayList<>();
    PathPatternParser parser = new PathPatternParser();
    document.path("paths").properties().forEach(path -> {
      JsonNode item = resolve(path.getValue());
      for (String method : METHODS) {
        JsonNode operation = item.get(method);
        if (operation != null) {
          read.add(new Operation(operation.path("operationId").asText(method + " " + path.getKey()),
              method.toUpperCase(Locale.ROOT), parser.parse(path.getKey()), responses(operation)));
        }
      }
    });
    return List.copyOf(read);
  }

  private Map<Integer, DocumentedResponse> responses(JsonNode operation) {
    Map<Integer, DocumentedResponse> responses = new TreeMap<>();
    operation.path("responses").properties().forEach(entry -> {
      if (!entry.getKey().matches("[1-5][0-9][0-9]")) {
        return; // "default" and ranges ("4XX") name no status that Prefer: code= could ask for
      }
      int status = Integer.parseInt(entry.getKey());
      JsonNode response = resolve(entry.getValue());
      Map<String, JsonNode> headers = new LinkedHashMap<>();
      response.path("headers").properties().forEach(h -> headers.put(h.getKey(), resolve(h.getValue())));
      Optional<String> mediaType = Optional.empty();
      Map<String, JsonNode> examples = new LinkedHashMap<>();
      Optional<JsonNode> schema = Optional.empty();
      var contents = response.path("content").properties().iterator();
      if (contents.hasNext()) {
        var content = contents.next(); // the contract documents one media type per answer (JSON)
        mediaType = Optional.of(content.getKey());
        JsonNode media = content.getValue();
        media.path("examples").properties().forEach(e -> examples.put(e.getKey(), resolve(e.getValue()).path("value")));
        if (examples.isEmpty() && media.has("example")) {
          examples.put("example", media.get("example"));
        }
        schema = Optional.ofNullable(media.get("schema"));
      }
      responses.put(status, new DocumentedResponse(status, mediaType, Collections.unmodifiableMap(examples), schema,
          Collections.unmodifiableMap(headers)));
    });
    return Collections.unmodifiableMap(responses);
  }
}
