package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The server's H2 keeps 64 parsed statements per connection, not H2's 8: a create runs about ten
 * distinct statements, and with 8 every one of them was parsed again (bench/FINDINGS.md).
 */
class H2StatementCacheTest extends ServerTest {

  @Test
  void theServersDatabaseKeepsSixtyFourParsedStatements() {
    assertThat(db.queryLong(
        "SELECT CAST(SETTING_VALUE AS INT) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'"))
        .isEqualTo(64);
  }
}
