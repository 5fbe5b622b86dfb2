package com.onautomate.opportunities.conformance.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An operation's path template, e.g. {@code /v1/pipelines/{pipelineId}/opportunities}: the one place where paths are
 * filled with encoded values and where values are read back from a path that was sent.
 *
 * <pre>{@code new PathTemplate("/v1/pipelines/{pipelineId}/opportunities").fill(Map.of("pipelineId", "a b"))
 * // "/v1/pipelines/a%20b/opportunities"}</pre>
 */
public record PathTemplate(String template) {

  /** The template with each {@code {name}} replaced by its value, encoded as one path segment. */
  public String fill(Map<String, String> values) {
    String path = template;
    for (Map.Entry<String, String> p : values.entrySet()) {
      path = path.replace("{" + p.getKey() + "}", encodeSegment(p.getValue()));
    }
    return path;
  }

  /** The decoded value of parameter {@code name} in a path filled from this template, or null when it has none. */
  public String read(String path, String name) {
    String[] template = this.template.split("/", -1);
    String[] actual = path.split("/", -1);
    for (int i = 0; i < template.length && i < actual.length; i++) {
      if (template[i].equals("{" + name + "}")) {
        return decode(actual[i]);
      }
    }
    return null;
  }

  /**
   * Whether {@code path} could have been filled from this template: segment by segment, a {@code {name}} matching any
   * one non-empty segment and every other segment equal.
   */
  public boolean matches(String path) {
    String[] template = this.template.split("/", -1);
    String[] actual = path.split("/", -1);
    if (template.length != actual.length) {
      return false;
    }
    for (int i = 0; i < template.length; i++) {
      boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
      if (parameter ? actual[i].isEmpty() : !template[i].equals(actual[i])) {
        return false;
      }
    }
    return true;
  }

  /** How many segments of the template are literal: of two templates that match a path, a router takes the more. */
  public int literalSegments() {
    int n = 0;
    for (String segment : template.split("/", -1)) {
      n += segment.startsWith("{") && segment.endsWith("}") ? 0 : 1;
    }
    return n;
  }

  /** Encodes one path segment (a filled path parameter): everything but unreserved characters, space as {@code %20}. */
  public static String encodeSegment(String s) {
    return Request.encode(s);
  }

  /** Decodes a path segment or query component. */
  public static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
