package com.onautomate.opportunities.conformance.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parts of a {@code schemathesis.toml} about how a run goes rather than what it checks: {@code workers}
 * (Schemathesis's key) and this suite's own {@code [shrinking]} section ({@code enabled}, {@code max-requests},
 * {@code max-seconds}). Each value is null when the file does not set it; the command line wins over it.
 *
 * <pre>{@code ExecutionConfig exec = ExecutionConfig.load(Path.of("schemathesis.toml"));}</pre>
 */
public record ExecutionConfig(Integer workers, Boolean shrink, Integer shrinkMaxRequests, Double shrinkMaxSeconds) {
  public static final ExecutionConfig EMPTY = new ExecutionConfig(null, null, null, null);

  /** Reads the file; fails with a one-line {@link IllegalArgumentException} on a value of the wrong type. */
  public static ExecutionConfig load(Path file) {
    try {
      return parse(new TomlMapper().readTree(Files.readString(file)), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the config " + file); // SuiteConfig.load says why first
    }
  }

  static ExecutionConfig parse(JsonNode root, String where) {
    JsonNode shrinking = root.path("shrinking");
    Boolean enabled = null;
    if (shrinking.has("enabled")) {
      if (!shrinking.get("enabled").isBoolean()) {
        throw new IllegalArgumentException(where + ": shrinking.enabled must be true or false");
      }
      enabled = shrinking.get("enabled").asBoolean();
    }
    JsonNode maxSeconds = number(shrinking, "max-seconds", "shrinking.max-seconds", where);
    return new ExecutionConfig(integer(root, "workers", "workers", where), enabled,
        integer(shrinking, "max-requests", "shrinking.max-requests", where),
        maxSeconds == null ? null : maxSeconds.doubleValue());
  }

  private static Integer integer(JsonNode parent, String field, String name, String where) {
    JsonNode n = number(parent, field, name, where);
    if (n != null && !(n.isIntegralNumber() && n.canConvertToInt())) {
      throw new IllegalArgumentException(where + ": " + name + " must be a whole number");
    }
    return n == null ? null : n.intValue();
  }

  private static JsonNode number(JsonNode parent, String field, String name, String where) {
    if (!parent.hasNonNull(field)) {
      return null;
    }
    if (!parent.get(field).isNumber()) {
      throw new IllegalArgumentException(where + ": " + name + " must be a number");
    }
    return parent.get(field);
  }
}
