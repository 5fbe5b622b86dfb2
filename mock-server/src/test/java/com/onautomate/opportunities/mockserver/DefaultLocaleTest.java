package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Case-insensitive filters match whatever the JVM's default locale is. In Turkish
 * {@code "INC".toLowerCase()} is {@code "ınc"} (a dotless ı): the demo data was once lower-cased in
 * the default locale, so on such a machine the demo contact's "Tesla Inc" was stored as
 * "tesla ınc" and {@code ?companyName=inc} found nothing. The server here starts, loads its demo
 * data and answers with Turkish as the default locale; the default is restored afterwards.
 */
class DefaultLocaleTest extends ServerTest {

  private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

  private Locale before;

  @Override
  @BeforeAll
  void startServer() {
    before = Locale.getDefault();
    Locale.setDefault(TURKISH);
    super.startServer();
  }

  @Override
  @AfterAll
  void stopServer() {
    try {
      super.stopServer();
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void theDemoDataIsFoundByItsWordsInAnyCase() {
    assertThat("INC".toLowerCase()).as("the default locale lower-cases I as a dotless ı").isEqualTo("ınc");
    for (String companyName : List.of("inc", "INC", "Tesla Inc")) {
      assertThat(ids(Map.of("companyName", companyName))).as("companyName=" + companyName)
          .containsExactly(DemoData.OPPORTUNITY_ID);
    }
    assertThat(db.queryString("SELECT company_name_lower FROM contact WHERE id = '" + DemoData.CONTACT_JOHN_ID + "'"))
        .isEqualTo("tesla inc");
  }

  @Test
  void aCreatedOpportunityIsFoundByItsWordsInAnyCase() {
    Map<String, Object> body = newOpportunity("BIG IBM DEAL", "INFO@INDIGO.EXAMPLE");
    body.put("name", "IRIS");
    String id = create(SALES, body);
    assertThat(db.queryString("SELECT title_lower FROM opportunity WHERE id = '" + id + "'")).isEqualTo("big ibm deal");
    for (Map<String, String> filter : List.of(Map.of("title", "ibm"), Map.of("title", "IBM"),
        Map.of("email", "info@indigo.example"), Map.of("name", "iris"), Map.of("name", "IRIS"))) {
      assertThat(ids(filter)).as(filter.toString()).containsExactly(id);
    }
  }

  private List<String> ids(Map<String, ?> filters) {
    return api().queryParams(filters).get(opportunities(SALES)).then().statusCode(200)
        .extract().jsonPath().getList("opportunities.id", String.class);
  }
}
