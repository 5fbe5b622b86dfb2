package com.onautomate.opportunities.mockserver.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes the API's times as the vendor does, {@code 2020-10-29T09:39:35.472Z}: UTC, always three
 * digits of milliseconds. Every time the server stores is whole milliseconds in UTC; this writes those
 * with a few character stores, where {@code DateTimeFormatter} (jsr310's default) was 14 % of the CPU
 * of a computed list page. Any other value (another offset, finer than a millisecond, a year outside
 * 0–9999) is written by {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}.
 */
final class ContractTimeSerializer extends StdSerializer<OffsetDateTime> {

  ContractTimeSerializer() {
    super(OffsetDateTime.class);
  }

  /** The module that makes Spring Boot's {@code ObjectMapper} use it. */
  static SimpleModule module() {
    return new SimpleModule("contract-times").addSerializer(OffsetDateTime.class, new ContractTimeSerializer());
  }

  @Override
  public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
    int year = value.getYear();
    int nanos = value.getNano();
    if (value.getOffset().getTotalSeconds() != 0 || year < 0 || year > 9999 || nanos % 1_000_000 != 0) {
      generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
      return;
    }
    char[] text = new char[24];
    digits(text, 0, 4, year);
    text[4] = '-';
    digits(text, 5, 2, value.getMonthValue());
    text[7] = '-';
    digits(text, 8, 2, value.getDayOfMonth());
    text[10] = 'T';
    digits(text, 11, 2, value.getHour());
    text[13] = ':';
    digits(text, 14, 2, value.getMinute());
    text[16] = ':';
    digits(text, 17, 2, value.getSecond());
    text[19] = '.';
    digits(text, 20, 3, nanos / 1_000_000);
    text[23] = 'Z';
    generator.writeString(text, 0, text.length);
  }

  private static void digits(char[] text, int from, int width, int value) {
    for (int i = from + width - 1; i >= from; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
