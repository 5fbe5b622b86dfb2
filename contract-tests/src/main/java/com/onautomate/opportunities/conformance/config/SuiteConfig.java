package com.onautomate.opportunities.conformance.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.checks.CheckSettings;
import com.onautomate.opportunities.conformance.checks.StatusSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a {@code schemathesis.toml} that apply here: {@code base-url}, {@code seed}, {@code headers},
 * {@code max-response-time}, {@code request-timeout} (seconds), {@code rate-limit} ({@code "100/m"}),
 * {@code [generation] max-examples}, {@code [checks.NAME] enabled} and {@code expected-statuses} (and
 * {@code [checks.max_response_time] limit}, and this suite's own
 * {@code [checks.response_schema_conformance] strict-schemas}). Every {@code [checks.NAME]} table is also kept whole
 * as that check's {@link CheckSettings}, the free-form settings a custom check reads. Other keys are ignored; whether
 * each {@code NAME} is a known check is for the {@link com.onautomate.opportunities.conformance.checks.CheckRegistry}
 * to say ({@link #checkSettings()}'s keys), once the custom checks are loaded.
 *
 * <pre>{@code SuiteConfig config = SuiteConfig.load(Path.of("schemathesis.toml"));}</pre>
 */
public record SuiteConfig(String baseUrl, Long seed, Integer maxExamples, Double maxResponseTime,
                          Map<String, String> headers, Set<String> disabled, Set<String> enabled,
                          Map<String, StatusSet> expectedStatuses, Double requestTimeout, String rateLimit,
                          boolean strictSchemas, Map<String, CheckSettings> checkSettings) {

  public static final SuiteConfig EMPTY =
      new SuiteConfig(null, null, null, null, Map.of(), Set.of(), Set.of(), Map.of(), null, null, false, Map.of());

  public SuiteConfig {
    checkSettings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checkSettings));
  }

  /** Reads the file; fails with a one-line {@link IllegalArgumentException} on bad content. */
  public static SuiteConfig load(Path file) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw new IllegalArgumentException("cannot read the config " + file + ": " + m);
    }
    return parse(root, file.toString());
  }

  static SuiteConfig parse(JsonNode root, String where) {
    String baseUrl = text(root, "base-url");
    Long seed = root.hasNonNull("seed") ? number(root.get("seed"), "seed", where).longValue() : null;
    Integer maxExamples = null;
    if (root.path("generation").hasNonNull("max-examples")) {
      maxExamples = number(root.path("generation").get("max-examples"), "generation.max-examples", where).intValue();
    }
    Double maxResponseTime = root.hasNonNull("max-response-time")
        ? number(root.get("max-response-time"), "max-response-time", where).doubleValue() : null;
    Double requestTimeout = root.hasNonNull("request-timeout")
        ? number(root.get("request-timeout"), "request-timeout", where).doubleValue() : null;
    String rateLimit = text(root, "rate-limit");
    Map<String, String> headers = new LinkedHashMap<>();
    if (root.path("headers").isObject()) {
      root.get("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    }
    Set<String> disabled = new LinkedHashSet<>();
    Set<String> enabled = new LinkedHashSet<>();
    Map<String, StatusSet> expected = new LinkedHashMap<>();
    boolean strictSchemas = false;
    Map<String, CheckSettings> settings = new LinkedHashMap<>();
    JsonNode checks = root.path("checks");
    if (checks.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = checks.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode c = e.getValue();
        if (!c.isObject()) {
          continue;
        }
        settings.put(e.getKey(), CheckSettings.of(e.getKey(), c));
        if (c.has("enabled")) {
          if (!c.get("enabled").isBoolean()) {
            throw new IllegalArgumentException(where + ": checks." + e.getKey() + ".enabled must be true or false");
          }
          (c.get("enabled").asBoolean() ? enabled : disabled).add(e.getKey());
        }
        if (c.has("expected-statuses")) {
          List<String> statuses = new ArrayList<>();
          c.get("expected-statuses").forEach(s -> statuses.add(s.asText()));
          try {
            expected.put(e.getKey(), new StatusSet(statuses));
          } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ": checks." + e.getKey() + ": " + ex.getMessage());
          }
        }
        if (e.getKey().equals("max_response_time") && c.hasNonNull("limit")) {
          maxResponseTime = number(c.get("limit"), "checks.max_response_time.limit", where).doubleValue();
          if (!disabled.contains("max_response_time")) {
            enabled.add("max_response_time");
          }
        }
        if (e.getKey().equals("response_schema_conformance") && c.has("strict-schemas")) {
          if (!c.get("strict-schemas").isBoolean()) {
            throw new IllegalArgumentException(
                where + ": checks.response_schema_conformance.strict-schemas must be true or false");
          }
          strictSchemas = c.get("strict-schemas").asBoolean();
        }
      }
    }
    return new SuiteConfig(baseUrl, seed, maxExamples, maxResponseTime, headers, disabled, enabled, expected,
        requestTimeout, rateLimit, strictSchemas, settings);
  }

  /**
   * The checks to run and configured, as the command line and this file select them: {@code only} ({@code --checks})
   * and {@code excluded} ({@code --exclude-checks}) with this file's {@code enabled = true/false}; a response-time
   * limit enables {@code max_response_time}. Each {@code [checks.NAME]} table must name a check of {@code registry}.
   *
   * @throws IllegalArgumentException in one line: an unknown name, or a setting a check refuses
   */
  public List<Check> checks(CheckRegistry registry, Collection<String> only, Collection<String> excluded,
                            Double maxResponseTimeSeconds, String where) {
    registry.requireKnown(checkSettings.keySet(), where + " [checks]");
    Set<String> off = new LinkedHashSet<>(excluded);
    off.addAll(disabled);
    Set<String> on = new LinkedHashSet<>(enabled);
    if (maxResponseTimeSeconds != null) {
      on.add("max_response_time");
    }
    return CheckRegistry.configure(registry.select(only, off, on), checkSettings);
  }

  private static String text(JsonNode root, String field) {
    return root.hasNonNull(field) ? root.get(field).asText() : null;
  }

  private static Number number(JsonNode node, String field, String where) {
    if (!node.isNumber()) {
      throw new IllegalArgumentException(where + ": " + field + " must be a number");
    }
    return node.numberValue();
  }
}
