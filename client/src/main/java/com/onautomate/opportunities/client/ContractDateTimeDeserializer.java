package com.onautomate.opportunities.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Reads the contract's timestamps ({@code 2021-08-03T04:55:17.355Z}) without a {@code DateTimeFormatter}; any other
 * form goes to jackson-datatype-jsr310's own deserializer, so what is accepted and what fails is unchanged.
 */
final class ContractDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {
  private static final long serialVersionUID = 1L;
  private static final String SHAPE = "0000-00-00T00:00:00.000Z";

  ContractDateTimeDeserializer() {
    super(OffsetDateTime.class);
  }

  @Override
  public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      OffsetDateTime fast = parse(p.getText());
      if (fast != null) {
        return fast;
      }
    }
    return InstantDeserializer.OFFSET_DATE_TIME.deserialize(p, ctxt);
  }

  /** The timestamp when {@code s} has exactly the contract's shape and valid fields, else null. */
  static @Nullable OffsetDateTime parse(String s) {
    if (s.length() != SHAPE.length()) {
      return null;
    }
    for (int i = 0; i < SHAPE.length(); i++) {
      char c = s.charAt(i);
      char expected = SHAPE.charAt(i);
      if (expected == '0' ? c < '0' || c > '9' : c != expected) {
        return null;
      }
    }
    try {
      return OffsetDateTime.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10), number(s, 11, 13),
          number(s, 14, 16), number(s, 17, 19), number(s, 20, 23) * 1_000_000, ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null; // e.g. month 13: the standard deserializer reports it
    }
  }

  private static int number(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }
}
