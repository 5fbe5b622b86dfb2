package com.onautomate.opportunities.mockserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractTimeSerializerTest {

  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).registerModule(ContractTimeSerializer.module());

  @ParameterizedTest
  @ValueSource(strings = {"2020-10-29T09:39:35.472Z", "2020-10-29T09:39:35.470Z", "2020-10-29T09:39:35.000Z",
      "1970-01-01T00:00:00.000Z", "0001-02-03T04:05:06.007Z", "9999-12-31T23:59:59.999Z", "2024-02-29T12:00:00.001Z"})
  void writesUtcMillisecondsWithThreeDigits(String time) throws Exception {
    OffsetDateTime value = OffsetDateTime.ofInstant(Instant.parse(time), ZoneOffset.UTC);
    assertThat(json.writeValueAsString(value)).isEqualTo("\"" + time + "\"");
  }

  @Test
  void anythingElseIsWrittenAsIso() throws Exception {
    assertThat(json.writeValueAsString(OffsetDateTime.parse("2020-10-29T09:39:35.472+02:00")))
        .isEqualTo("\"2020-10-29T09:39:35.472+02:00\"");
    assertThat(json.writeValueAsString(OffsetDateTime.parse("2020-10-29T09:39:35.4721Z")))
        .isEqualTo("\"2020-10-29T09:39:35.4721Z\"");
  }
}
