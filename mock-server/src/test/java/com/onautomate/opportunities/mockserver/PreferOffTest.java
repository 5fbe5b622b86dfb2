package com.onautomate.opportunities.mockserver;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --onautomate.prefer.enabled=false}: the server answers as if no request had a Prefer header. */
class PreferOffTest extends ServerTest {

  @Override
  protected List<String> serverArgs() {
    return List.of("--onautomate.prefer.enabled=false");
  }

  @Test
  void codesExamplesFaultsAndDelaysAreIgnored() {
    api().header("Prefer", "code=429, fault=close, delay=bad").get(opportunity(SALES, DemoData.OPPORTUNITY_ID))
        .then().statusCode(200).body("id", equalTo(DemoData.OPPORTUNITY_ID)).header("Preference-Applied", nullValue());
    api().get(opportunities(SALES) + "?__code=404").then().statusCode(200).body("meta.total", equalTo(1));
  }
}
