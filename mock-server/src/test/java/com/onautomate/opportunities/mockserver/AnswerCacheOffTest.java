package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** With {@code --onautomate.answer-cache.enabled=false} every read is computed: nothing is kept. */
class AnswerCacheOffTest extends ServerTest {

  @Override
  protected List<String> serverArgs() {
    return List.of("--onautomate.answer-cache.enabled=false");
  }

  /** The opposite of {@link AnswerCacheTest#anAnswerIsKeptUntilTheDataVersionChanges}. */
  @Test
  void aChangeBehindTheApisBackIsSeenAtOnce() {
    String id = create(SALES, newOpportunity("papa one", "papa1@example.com"));
    assertThat(title(id)).isEqualTo("papa one");
    db.execute("UPDATE opportunity SET title = 'papa behind' WHERE id = '" + id + "'");
    assertThat(title(id)).isEqualTo("papa behind");
  }

  private String title(String id) {
    return api().get(opportunity(SALES, id)).then().statusCode(200).extract().path("name");
  }
}
