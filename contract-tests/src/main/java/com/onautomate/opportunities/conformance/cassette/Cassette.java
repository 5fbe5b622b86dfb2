package com.onautomate.opportunities.conformance.cassette;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A cassette read back: what a run or the proxy recorded, in either format.
 *
 * <pre>{@code Cassette c = Cassette.read(Path.of("cassette.yaml")); // VCR YAML or HAR, told apart by content}</pre>
 *
 * @param baseUrl the server the requests were sent to, or null when the cassette does not say
 * @param seed the run's seed, or null
 */
public record Cassette(CassetteFormat format, String baseUrl, Long seed, List<Interaction> interactions) {

  public Cassette {
    interactions = List.copyOf(interactions);
  }

  /**
   * Reads a cassette, VCR YAML or HAR JSON.
   *
   * @throws IllegalArgumentException when the file cannot be read or is neither format (one line saying which)
   */
  public static Cassette read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read the cassette " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the cassette " + file + ": " + e.getMessage(), e);
    }
    try {
      boolean json = text.stripLeading().startsWith("{");
      JsonNode root = json ? HarFormat.JSON.readTree(text) : VcrFormat.YAML.readTree(text);
      if (json && root != null && root.path("log").isObject()) {
        return HarFormat.read(root);
      }
      if (!json && root != null && root.has("http_interactions")) {
        return VcrFormat.read(root);
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException("cannot read the cassette " + file + ": "
          + e.getOriginalMessage().lines().findFirst().orElse("not YAML or JSON"), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot read the cassette " + file + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("cannot read the cassette " + file
        + ": neither a VCR cassette (no http_interactions) nor a HAR file (no log)");
  }
}
