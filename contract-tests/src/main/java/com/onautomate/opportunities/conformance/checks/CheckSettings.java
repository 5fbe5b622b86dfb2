package com.onautomate.opportunities.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The free-form settings of one check: the keys of its {@code [checks.NAME]} table in {@code schemathesis.toml}
 * (besides {@code enabled}), handed to {@link Check#configured} once before a run. Part of the public check API.
 *
 * <pre>{@code
 * [checks.no_leaked_internals]
 * patterns = ["\\bat [a-z]+\\.", "SQLSTATE"]
 *
 * List<String> patterns = settings.strings("patterns", DEFAULT_PATTERNS);
 * }</pre>
 *
 * A value of the wrong type fails with a one-line {@link IllegalArgumentException} naming the key, which the CLI
 * reports as a usage error (exit 2).
 */
public final class CheckSettings {
  /** No settings: every getter returns its default. */
  public static final CheckSettings NONE = new CheckSettings("", JsonNodeFactory.instance.objectNode());

  private final String check;
  private final ObjectNode table;

  private CheckSettings(String check, ObjectNode table) {
    this.check = check;
    this.table = table;
  }

  /** The settings of {@code check} from its parsed table ({@code enabled} left out: the registry decides that). */
  public static CheckSettings of(String check, JsonNode table) {
    ObjectNode copy = table.isObject() ? ((ObjectNode) table).deepCopy() : JsonNodeFactory.instance.objectNode();
    copy.remove("enabled");
    return new CheckSettings(check, copy);
  }

  /** The keys given, in file order. */
  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    table.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  public boolean has(String key) {
    return table.hasNonNull(key);
  }

  /** A string value, or {@code defaultValue} when the key is absent. */
  public String string(String key, String defaultValue) {
    JsonNode v = table.get(key);
    if (v == null || v.isNull()) {
      return defaultValue;
    }
    if (!v.isTextual()) {
      throw wrongType(key, "a string");
    }
    return v.asText();
  }

  /** A list of strings (a single string counts as a list of one), or {@code defaultValue} when the key is absent. */
  public List<String> strings(String key, List<String> defaultValue) {
    JsonNode v = table.get(key);
    if (v == null || v.isNull()) {
      return defaultValue;
    }
    if (v.isTextual()) {
      return List.of(v.asText());
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      for (JsonNode item : v) {
        if (!item.isTextual()) {
          throw wrongType(key, "a list of strings");
        }
        out.add(item.asText());
      }
      return List.copyOf(out);
    }
    throw wrongType(key, "a list of strings");
  }

  /** A number, or {@code defaultValue} when the key is absent. */
  public double number(String key, double defaultValue) {
    JsonNode v = table.get(key);
    if (v == null || v.isNull()) {
      return defaultValue;
    }
    if (!v.isNumber()) {
      throw wrongType(key, "a number");
    }
    return v.doubleValue();
  }

  /** A boolean, or {@code defaultValue} when the key is absent. */
  public boolean bool(String key, boolean defaultValue) {
    JsonNode v = table.get(key);
    if (v == null || v.isNull()) {
      return defaultValue;
    }
    if (!v.isBoolean()) {
      throw wrongType(key, "true or false");
    }
    return v.asBoolean();
  }

  private IllegalArgumentException wrongType(String key, String expected) {
    return new IllegalArgumentException("checks." + check + "." + key + " must be " + expected + ", got " + table.get(key));
  }

  @Override
  public String toString() {
    return table.toString();
  }
}
