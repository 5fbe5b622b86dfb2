package com.onautomate.opportunities.conformance.spec;

import com.onautomate.opportunities.conformance.http.PathTemplate;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** One operation of the contract: method, path template, parameters, body schema, responses. */
public final class Operation {
  private final Contract contract;
  private final String path;
  private final String method;
  private final io.swagger.v3.oas.models.Operation raw;
  private final List<Parameter> parameters;

  Operation(Contract contract, String path, PathItem item, String method, io.swagger.v3.oas.models.Operation raw) {
    this.contract = contract;
    this.path = path;
    this.method = method;
    this.raw = raw;
    List<Parameter> params = new ArrayList<>();
    if (item.getParameters() != null) {
      params.addAll(item.getParameters());
    }
    if (raw.getParameters() != null) {
      params.addAll(raw.getParameters());
    }
    this.parameters = List.copyOf(params);
  }

  public String id() {
    return raw.getOperationId() == null ? method + " " + path : raw.getOperationId();
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The path template, which fills paths to send and reads parameters back from a path sent. */
  public PathTemplate pathTemplate() {
    return new PathTemplate(path);
  }

  /** {@code PUT /v1/pipelines/{pipelineId}/opportunities/{opportunityId}}. */
  public String label() {
    return method + " " + path;
  }

  public Contract contract() {
    return contract;
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public List<Parameter> parameters(String in) {
    return parameters.stream().filter(p -> in.equals(p.getIn())).toList();
  }

  public boolean requiresAuth() {
    var security = raw.getSecurity() != null ? raw.getSecurity() : contract.openApi().getSecurity();
    return security != null && security.stream().anyMatch(s -> !s.isEmpty());
  }

  /** The JSON request body schema, or null when the operation takes no body. */
  public Schema<?> bodySchema() {
    MediaType media = jsonBody();
    return media == null ? null : media.getSchema();
  }

  public boolean bodyRequired() {
    return raw.getRequestBody() != null && Boolean.TRUE.equals(raw.getRequestBody().getRequired());
  }

  /** The request body examples, in spec order. */
  public List<Object> bodyExamples() {
    MediaType media = jsonBody();
    List<Object> out = new ArrayList<>();
    if (media == null) {
      return out;
    }
    if (media.getExample() != null) {
      out.add(media.getExample());
    }
    if (media.getExamples() != null) {
      for (Example e : media.getExamples().values()) {
        Example resolved = e;
        if (e.getValue() == null && e.get$ref() != null && contract.openApi().getComponents() != null
            && contract.openApi().getComponents().getExamples() != null) {
          String name = e.get$ref().substring(e.get$ref().lastIndexOf('/') + 1);
          resolved = contract.openApi().getComponents().getExamples().getOrDefault(name, e);
        }
        if (resolved.getValue() != null) {
          out.add(resolved.getValue());
        }
      }
    }
    return out;
  }

  private MediaType jsonBody() {
    if (raw.getRequestBody() == null || raw.getRequestBody().getContent() == null) {
      return null;
    }
    return raw.getRequestBody().getContent().get("application/json");
  }

  public Map<String, ApiResponse> responses() {
    return raw.getResponses() == null ? Map.of() : raw.getResponses();
  }

  /** Documented status codes, as written ("200", "4XX", "default"). */
  public List<String> documentedStatuses() {
    return new ArrayList<>(responses().keySet());
  }

  /** The documented response for a status, honouring {@code 4XX} ranges and {@code default}. */
  public ApiResponse responseFor(int status) {
    Map<String, ApiResponse> r = responses();
    ApiResponse exact = r.get(Integer.toString(status));
    if (exact != null) {
      return exact;
    }
    ApiResponse range = r.get((status / 100) + "XX");
    if (range == null) {
      range = r.get((status / 100) + "xx");
    }
    return range != null ? range : r.get("default");
  }

  public boolean documents(int status) {
    return responseFor(status) != null;
  }

  /** Documented media types of a status's response; empty when it has no body. */
  public List<String> mediaTypes(int status) {
    ApiResponse response = responseFor(status);
    if (response == null || response.getContent() == null) {
      return List.of();
    }
    return new ArrayList<>(response.getContent().keySet());
  }

  public Map<String, Header> headers(int status) {
    ApiResponse response = responseFor(status);
    return response == null || response.getHeaders() == null ? Map.of() : response.getHeaders();
  }

  /** Links of the first 2xx response. */
  public Map<String, Link> links() {
    Map<String, Link> out = new LinkedHashMap<>();
    responses().entrySet().stream()
        .filter(e -> e.getKey().startsWith("2"))
        .filter(e -> e.getValue().getLinks() != null)
        .findFirst()
        .ifPresent(e -> out.putAll(e.getValue().getLinks()));
    return out;
  }

  /** Property names of the request body and names of the query parameters (what a 422 may be keyed by). */
  public SortedSet<String> fieldNames() {
    TreeSet<String> names = new TreeSet<>();
    Schema<?> body = bodySchema();
    if (body != null && body.getProperties() != null) {
      names.addAll(body.getProperties().keySet());
    }
    parameters.forEach(p -> names.add(p.getName()));
    return names;
  }

  @Override
  public String toString() {
    return label();
  }
}
