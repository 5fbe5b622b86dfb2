package com.onautomate.opportunities.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** Timestamps read the same with the contract's fast path as with jackson-datatype-jsr310 alone. */
class ContractDateTimeDeserializerTest {
  private final ObjectMapper json = OpportunitiesClient.objectMapper();

  private OffsetDateTime read(String value) throws Exception {
    return json.readValue("\"" + value + "\"", OffsetDateTime.class);
  }

  @Test
  void theContractsFormReadsAsTheIsoParserReadsIt() throws Exception {
    for (String s : new String[] {"2021-08-03T04:55:17.355Z", "2020-02-29T23:59:59.000Z", "0001-01-01T00:00:00.001Z"}) {
      assertThat(read(s)).isEqualTo(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      assertThat(ContractDateTimeDeserializer.parse(s)).isNotNull();
    }
  }

  @Test
  void otherIsoFormsStillReadThroughTheStandardDeserializer() throws Exception {
    for (String s : new String[] {"2021-08-03T06:55:17.355+02:00", "2021-08-03T04:55:17Z", "2021-08-03T04:55:17.355123Z"}) {
      assertThat(ContractDateTimeDeserializer.parse(s)).isNull();
      assertThat(read(s)).isEqualTo(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
  }

  @Test
  void anImpossibleDateInTheContractsShapeFailsAsBefore() {
    assertThat(ContractDateTimeDeserializer.parse("2021-13-03T04:55:17.355Z")).isNull();
    assertThatThrownBy(() -> read("2021-13-03T04:55:17.355Z")).isInstanceOf(InvalidFormatException.class);
    assertThatThrownBy(() -> read("not a date")).isInstanceOf(InvalidFormatException.class);
  }
}
