package com.onautomate.opportunities.mockserver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which URLs get the durable write setting, and that a user's own setting wins. */
class DurableH2UrlTest {

  @Test
  void fileUrlsWriteEachCommitBeforeItReturns() {
    assertThat(DurableH2Url.durable("jdbc:h2:file:./data/opportunities"))
        .isEqualTo("jdbc:h2:file:./data/opportunities;WRITE_DELAY=0");
    assertThat(DurableH2Url.durable("jdbc:h2:./data/x;LOCK_TIMEOUT=10000"))
        .isEqualTo("jdbc:h2:./data/x;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
    assertThat(DurableH2Url.durable("jdbc:h2:tcp://db.example/~/opportunities"))
        .isEqualTo("jdbc:h2:tcp://db.example/~/opportunities;WRITE_DELAY=0");
  }

  @Test
  void aWriteDelayTheUserSetIsKept() {
    assertThat(DurableH2Url.durable("jdbc:h2:file:./x;WRITE_DELAY=500")).isEqualTo("jdbc:h2:file:./x;WRITE_DELAY=500");
    assertThat(DurableH2Url.durable("jdbc:h2:file:./x;write_delay = 10;A=B")).isEqualTo("jdbc:h2:file:./x;write_delay = 10;A=B");
  }

  @Test
  void memoryAndOtherDatabasesAreLeftAlone() {
    for (String url : new String[] {"jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://localhost/mem:x",
        "jdbc:postgresql://127.0.0.1:5432/db", ""}) {
      assertThat(DurableH2Url.durable(url)).isEqualTo(url);
    }
    assertThat(DurableH2Url.durable(null)).isNull();
  }
}
