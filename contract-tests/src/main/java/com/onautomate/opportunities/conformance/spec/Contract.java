package com.onautomate.opportunities.conformance.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catches nothing itself: the parsed contract (Swagger Parser, references resolved) and its operations in spec order.
 *
 * <pre>{@code Contract contract = Contract.load(null); // openapi.yaml from the api artifact}</pre>
 */
public final class Contract {
  private final String text;
  private final OpenAPI openApi;
  private final List<Operation> operations;

  private Contract(String text, OpenAPI openApi) {
    this.text = text;
    this.openApi = openApi;
    List<Operation> ops = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> op :
          path.getValue().readOperationsMap().entrySet()) {
        ops.add(new Operation(this, path.getKey(), path.getValue(), op.getKey().name(), op.getValue()));
      }
    }
    this.operations = List.copyOf(ops);
  }

  /** Loads the contract from a path or URL, or the {@code openapi.yaml} on the classpath when {@code location} is null. */
  public static Contract load(String location) {
    String text = read(location);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    if (result.getOpenAPI() == null || result.getOpenAPI().getPaths() == null) {
      String why = result.getMessages() == null || result.getMessages().isEmpty()
          ? "not an OpenAPI 3 document" : result.getMessages().get(0);
      throw new ContractException("cannot read the spec " + describe(location) + ": " + why);
    }
    return new Contract(text, result.getOpenAPI());
  }

  private static String describe(String location) {
    return location == null ? "openapi.yaml (classpath)" : location;
  }

  private static String read(String location) {
    try {
      if (location == null) {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
          if (in == null) {
            throw new ContractException("cannot read the spec: openapi.yaml is not on the classpath");
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      if (location.startsWith("http://") || location.startsWith("https://")) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(20)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
          throw new ContractException("cannot read the spec " + location + ": HTTP " + response.statusCode());
        }
        return response.body();
      }
      return Files.readString(Path.of(location), StandardCharsets.UTF_8);
    } catch (IOException | IllegalArgumentException e) {
      throw new ContractException("cannot read the spec " + describe(location) + ": " + oneLine(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContractException("interrupted while reading the spec");
    }
  }

  static String oneLine(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }

  public String text() {
    return text;
  }

  public OpenAPI openApi() {
    return openApi;
  }

  public List<Operation> operations() {
    return operations;
  }

  public Optional<Operation> operation(String operationId) {
    return operations.stream().filter(o -> o.id().equals(operationId)).findFirst();
  }

  /** The operation with this id; fails when the contract has none (the suite needs the five operations). */
  public Operation require(String operationId) {
    return operation(operationId)
        .orElseThrow(() -> new ContractException("the spec has no operation " + operationId));
  }

  /** Documented methods of a path template (upper case). */
  public List<String> methodsOf(String pathTemplate) {
    return operations.stream().filter(o -> o.path().equals(pathTemplate)).map(Operation::method).toList();
  }
}
