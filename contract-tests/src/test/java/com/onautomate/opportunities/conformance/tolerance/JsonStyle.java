package com.onautomate.opportunities.conformance.tolerance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How the proxy writes a JSON body: compact or indented, keys in order or reversed at every level, non-ASCII and
 * {@code /} written as they are or escaped ({@code \u00e9}, {@code \/}). Every style is the same JSON.
 *
 * @param reverseKeys every object's keys in reverse order
 */
record JsonStyle(boolean pretty, boolean reverseKeys, boolean escapeNonAscii, boolean escapeSlash) {
  static final JsonStyle COMPACT = new JsonStyle(false, false, false, false);

  byte[] write(JsonNode node) {
    JsonFactory factory = JsonFactory.builder().configure(JsonWriteFeature.ESCAPE_NON_ASCII, escapeNonAscii).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.setCodec(Json.MAPPER);
      if (escapeSlash) {
        g.setCharacterEscapes(SlashEscapes.INSTANCE);
      }
      if (pretty) {
        g.setPrettyPrinter(new DefaultPrettyPrinter());
      }
      write(g, node);
      if (pretty) {
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void write(JsonGenerator g, JsonNode node) throws IOException {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        fields.add(it.next());
      }
      if (reverseKeys) {
        Collections.reverse(fields);
      }
      g.writeStartObject();
      for (Map.Entry<String, JsonNode> f : fields) {
        g.writeFieldName(f.getKey());
        write(g, f.getValue());
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode item : node) {
        write(g, item);
      }
      g.writeEndArray();
    } else {
      g.writeTree(node); // scalars, and raw number spellings (a POJO node holding a RawValue)
    }
  }

  /** Escapes {@code /} as {@code \/}, as PHP's json_encode does; everything else as Jackson does. */
  private static final class SlashEscapes extends CharacterEscapes {
    static final SlashEscapes INSTANCE = new SlashEscapes();
    private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

    private SlashEscapes() {
      escapes['/'] = '/';
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
