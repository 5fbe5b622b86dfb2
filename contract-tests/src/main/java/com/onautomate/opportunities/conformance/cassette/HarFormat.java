package com.onautomate.opportunities.conformance.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.http.PathTemplate;
import com.onautomate.opportunities.conformance.http.RawText;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): {@code log.version}, {@code log.creator},
 * {@code log.entries}, each with {@code startedDateTime}, {@code time}, {@code request}, {@code response},
 * {@code cache} and {@code timings}. What HAR has no field for is kept in custom fields, which the spec allows when
 * their names start with an underscore: {@code log._baseUrl}, {@code log._seed}, {@code log._command}; per entry
 * {@code _id}, {@code _status}, {@code _operation}, {@code _kind}, {@code _phase}, {@code _step}, {@code _description},
 * {@code _target}, {@code _checks} (as in the VCR cassette), {@code _noAnswer}; a request body that is not UTF-8 is
 * {@code postData.text} in base64 with {@code postData._encoding: base64}.
 */
final class HarFormat {
  static final ObjectMapper JSON = new ObjectMapper();

  private HarFormat() {
  }

  static ObjectNode log(String command, String recordedWith, Long seed, String baseUrl, List<ObjectNode> entries) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode log = root.putObject("log");
    log.put("version", "1.2");
    log.putObject("creator").put("name", "OnAutomate conformance").put("version", recordedWith);
    log.put("_command", command);
    if (seed != null) {
      log.put("_seed", seed);
    }
    log.put("_baseUrl", baseUrl);
    ArrayNode list = log.putArray("entries");
    entries.forEach(list::add);
    return root;
  }

  static ObjectNode entry(Interaction i, String baseUrl, boolean keepSecrets) {
    ObjectNode e = JSON.createObjectNode();
    Response res = i.response();
    e.put("startedDateTime", i.recordedAt().toString());
    e.put("time", res.elapsedMillis());
    Request r = i.request();
    ObjectNode request = e.putObject("request");
    request.put("method", r.method());
    request.put("url", r.url(baseUrl));
    request.put("httpVersion", "HTTP/1.1");
    request.putArray("cookies");
    ArrayNode headers = request.putArray("headers");
    Secrets.mask(r.headers(), keepSecrets).forEach((name, value) -> headers.addObject().put("name", name)
        .put("value", value));
    ArrayNode query = request.putArray("queryString");
    String rawQuery = r.pathAndQuery().contains("?") ? r.pathAndQuery().substring(r.pathAndQuery().indexOf('?') + 1) : "";
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      query.addObject().put("name", decode(eq < 0 ? pair : pair.substring(0, eq)))
          .put("value", eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    request.put("headersSize", -1);
    if (r.body() != null) {
      byte[] bytes = r.bodyBytes();
      ObjectNode post = request.putObject("postData");
      post.put("mimeType", headerValue(r.headers(), "Content-Type"));
      if (RawText.isUtf8(r.body())) {
        post.put("text", r.body());
      } else {
        post.put("text", Base64.getEncoder().encodeToString(bytes)).put("_encoding", "base64");
      }
      request.put("bodySize", bytes.length);
    } else {
      request.put("bodySize", 0);
    }
    ObjectNode response = e.putObject("response");
    response.put("status", res.status());
    response.put("statusText", "");
    response.put("httpVersion", res.answered() ? "HTTP/1.1" : "");
    response.putArray("cookies");
    ArrayNode responseHeaders = response.putArray("headers");
    res.headers().forEach((name, values) -> values.forEach(v -> responseHeaders.addObject().put("name", name)
        .put("value", v)));
    int size = res.body().getBytes(StandardCharsets.UTF_8).length;
    ObjectNode content = response.putObject("content");
    String mimeType = res.header("Content-Type");
    content.put("size", size).put("mimeType", mimeType == null ? "" : mimeType).put("text", res.body());
    String location = res.header("Location");
    response.put("redirectURL", location == null ? "" : location);
    response.put("headersSize", -1);
    response.put("bodySize", res.answered() ? size : -1);
    e.putObject("cache");
    e.putObject("timings").put("send", 0).put("wait", res.elapsedMillis()).put("receive", 0);
    e.put("_id", i.id());
    e.put("_status", i.status().name());
    e.put("_operation", i.operation());
    e.put("_kind", i.kind().name());
    if (i.phase() != null) {
      e.put("_phase", i.phase());
    }
    e.put("_step", i.step());
    e.put("_description", i.description());
    if (i.target() != null) {
      e.put("_target", i.target());
    }
    Recorded.write(e.putArray("_checks"), i.checks());
    if (!res.answered()) {
      e.put("_noAnswer", res.noAnswer());
    }
    return e;
  }

  static Cassette read(JsonNode root) {
    JsonNode log = root.get("log");
    String baseUrl = Recorded.text(log, "_baseUrl");
    Long seed = log.hasNonNull("_seed") && log.get("_seed").canConvertToLong() ? Long.valueOf(log.get("_seed").asLong())
        : null;
    List<Interaction> out = new ArrayList<>();
    int n = 0;
    for (JsonNode e : log.path("entries")) {
      n++;
      JsonNode req = e.path("request");
      Map<String, String> headers = new LinkedHashMap<>();
      req.path("headers").forEach(h -> headers.put(h.path("name").asText(), h.path("value").asText()));
      String body = null;
      JsonNode post = req.get("postData");
      if (post != null && post.isObject()) {
        String text = post.path("text").asText("");
        body = "base64".equals(Recorded.text(post, "_encoding")) ? RawText.decode(Base64.getDecoder().decode(text)) : text;
      }
      String url = Recorded.text(req, "url");
      if (url == null) {
        throw new IllegalArgumentException("entry " + n + " has no request.url");
      }
      Request request = Recorded.request(String.valueOf(Recorded.text(req, "method")), url, baseUrl, headers, body);
      double elapsed = e.path("time").asDouble(0);
      JsonNode res = e.path("response");
      Response response;
      if (e.hasNonNull("_noAnswer") || res.path("status").asInt(0) == 0) {
        String why = Recorded.text(e, "_noAnswer");
        response = Response.unanswered(why == null ? "no answer recorded" : why, elapsed);
      } else {
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        res.path("headers").forEach(h -> responseHeaders.computeIfAbsent(h.path("name").asText(), k -> new ArrayList<>())
            .add(h.path("value").asText()));
        JsonNode content = res.path("content");
        String text = content.path("text").asText("");
        if ("base64".equals(Recorded.text(content, "encoding"))) {
          text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        }
        response = new Response(res.path("status").asInt(), responseHeaders, text, elapsed);
      }
      out.add(new Interaction(e.path("_id").asInt(n), Recorded.instant(Recorded.text(e, "startedDateTime")),
          Recorded.text(e, "_operation"), Recorded.kind(Recorded.text(e, "_kind"), null), Recorded.text(e, "_phase"),
          Recorded.text(e, "_step"), Recorded.text(e, "_description"), Recorded.text(e, "_target"), request, response,
          Recorded.verdicts(e.get("_checks"))));
    }
    return new Cassette(CassetteFormat.HAR, baseUrl, seed, out);
  }

  private static String decode(String s) {
    try {
      return PathTemplate.decode(s);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String headerValue(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return "";
  }
}
