package com.onautomate.opportunities.conformance.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.onautomate.opportunities.conformance.http.RawText;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Schemathesis's VCR YAML cassette layout: {@code command}, {@code recorded_with}, {@code seed}, then
 * {@code http_interactions}, each with {@code id}, {@code status}, {@code elapsed} (seconds), {@code recorded_at},
 * {@code checks} ({@code name}, {@code status}), {@code request} ({@code uri}, {@code method}, {@code headers} as
 * lists, {@code body} with {@code encoding} and {@code string} or {@code base64_string}) and {@code response}
 * ({@code status.code}, {@code headers}, {@code body}, {@code http_version}). Our own keys beside them: {@code base_url};
 * per interaction {@code operation}, {@code kind}, {@code phase}, {@code step}, {@code description}, {@code target},
 * {@code no_answer}; per failed check {@code title}, {@code message}, {@code documented}.
 */
final class VcrFormat {
  /** Writes without {@code ---}; reads documents of any size (SnakeYAML stops at 3 MB by default). */
  static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .loaderOptions(loaderOptions())
      .build());

  private VcrFormat() {
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }

  /** The cassette's first lines: what made it. */
  static ObjectNode header(String command, String recordedWith, Long seed, String baseUrl) {
    ObjectNode h = YAML.createObjectNode();
    h.put("command", command);
    h.put("recorded_with", recordedWith);
    if (seed != null) {
      h.put("seed", seed);
    }
    h.put("base_url", baseUrl);
    return h;
  }

  static ObjectNode write(Interaction i, String baseUrl, boolean keepSecrets) {
    ObjectNode n = YAML.createObjectNode();
    n.put("id", Integer.toString(i.id()));
    n.put("status", i.status().name());
    n.put("elapsed", i.response().elapsedMillis() / 1000.0);
    n.put("recorded_at", i.recordedAt().toString());
    n.put("operation", i.operation());
    n.put("kind", i.kind().name());
    String method = Recorded.generationMethod(i.kind());
    if (method != null) {
      n.put("data_generation_method", method);
    }
    if (i.phase() != null) {
      n.put("phase", i.phase());
    }
    n.put("step", i.step());
    n.put("description", i.description());
    if (i.target() != null) {
      n.put("target", i.target());
    }
    Recorded.write(n.putArray("checks"), i.checks());
    Request r = i.request();
    ObjectNode request = n.putObject("request");
    request.put("uri", r.url(baseUrl));
    request.put("method", r.method());
    ObjectNode headers = request.putObject("headers");
    Secrets.mask(r.headers(), keepSecrets).forEach((name, value) -> headers.putArray(name).add(value));
    if (r.body() != null) {
      body(request.putObject("body"), r.body());
    }
    Response res = i.response();
    if (!res.answered()) {
      n.putNull("response");
      n.put("no_answer", res.noAnswer());
      return n;
    }
    ObjectNode response = n.putObject("response");
    response.putObject("status").put("code", Integer.toString(res.status()));
    ObjectNode responseHeaders = response.putObject("headers");
    res.headers().forEach((name, values) -> {
      ArrayNode list = responseHeaders.putArray(name);
      values.forEach(list::add);
    });
    body(response.putObject("body"), res.body());
    response.put("http_version", "1.1");
    return n;
  }

  /** A body as text when it is UTF-8, else as Schemathesis's {@code base64_string} of the bytes sent. */
  private static void body(ObjectNode node, String text) {
    node.put("encoding", "utf-8");
    if (RawText.isUtf8(text)) {
      node.put("string", text);
    } else {
      byte[] bytes = new Request("POST", "/", List.of(), Map.of(), text).bodyBytes();
      node.put("base64_string", Base64.getEncoder().encodeToString(bytes));
    }
  }

  private static String body(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.hasNonNull("base64_string")) {
      return RawText.decode(Base64.getMimeDecoder().decode(node.get("base64_string").asText()));
    }
    return node.hasNonNull("string") ? node.get("string").asText() : "";
  }

  static Cassette read(JsonNode root) {
    String baseUrl = Recorded.text(root, "base_url");
    Long seed = root.hasNonNull("seed") ? parseLong(root.get("seed").asText()) : null;
    List<Interaction> out = new ArrayList<>();
    JsonNode list = root.get("http_interactions");
    Iterable<JsonNode> items = list == null || !list.isArray() ? List.of() : list;
    int n = 0;
    for (JsonNode i : items) {
      n++;
      JsonNode req = i.path("request");
      Map<String, String> headers = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = req.path("headers").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> h = it.next();
        headers.put(h.getKey(), h.getValue().isArray() ? h.getValue().path(0).asText() : h.getValue().asText());
      }
      String uri = Recorded.text(req, "uri");
      if (uri == null) {
        throw new IllegalArgumentException("interaction " + n + " has no request.uri");
      }
      Request request = Recorded.request(String.valueOf(Recorded.text(req, "method")), uri, baseUrl, headers,
          body(req.get("body")));
      double elapsedMillis = i.path("elapsed").asDouble(0) * 1000;
      JsonNode res = i.get("response");
      Response response;
      if (res == null || res.isNull()) {
        String why = Recorded.text(i, "no_answer");
        response = Response.unanswered(why == null ? "no answer recorded" : why, elapsedMillis);
      } else {
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = res.path("headers").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> h = it.next();
          List<String> values = new ArrayList<>();
          if (h.getValue().isArray()) {
            h.getValue().forEach(v -> values.add(v.asText()));
          } else {
            values.add(h.getValue().asText());
          }
          responseHeaders.put(h.getKey(), values);
        }
        String responseBody = body(res.get("body"));
        response = new Response(res.path("status").path("code").asInt(), responseHeaders,
            responseBody == null ? "" : responseBody, elapsedMillis);
      }
      int id = i.hasNonNull("id") ? i.get("id").asInt(n) : n;
      out.add(new Interaction(id, Recorded.instant(Recorded.text(i, "recorded_at")), Recorded.text(i, "operation"),
          Recorded.kind(Recorded.text(i, "kind"), Recorded.text(i, "data_generation_method")),
          Recorded.text(i, "phase"), Recorded.text(i, "step"), Recorded.text(i, "description"),
          Recorded.text(i, "target"), request, response, Recorded.verdicts(i.get("checks"))));
    }
    return new Cassette(CassetteFormat.VCR, baseUrl, seed, out);
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
