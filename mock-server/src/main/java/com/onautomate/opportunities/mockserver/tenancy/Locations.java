package com.onautomate.opportunities.mockserver.tenancy;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which location (tenant) a bearer token belongs to, and the location's data version. Tokens are
 * never changed or revoked through the API, so a token once found is remembered; an unknown token
 * is asked of the database every time (it may have been created by another server on the same
 * database). The data version is always read from the database.
 */
@Component
public class Locations {

  private final JdbcClient jdbc;
  private final ConcurrentMap<String, String> locationByToken = new ConcurrentHashMap<>();

  Locations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> locationOfToken(String token) {
    String cached = locationByToken.get(token);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> found = jdbc.sql("SELECT location_id FROM api_token WHERE token = ?")
        .param(token).query(String.class).optional();
    found.ifPresent(id -> locationByToken.put(token, id));
    return found;
  }

  /** The location's data version: it changes with every committed write to the location's data. */
  public long dataVersion(String locationId) {
    return jdbc.sql("SELECT data_version FROM location WHERE id = ?").param(locationId).query(Long.class).single();
  }

  /**
   * Marks a change to the location's data, inside the caller's transaction. Call it last: the row
   * lock it takes is then held only until the commit, and taken after every other lock.
   */
  public void dataChanged(String locationId) {
    jdbc.sql("UPDATE location SET data_version = data_version + 1 WHERE id = ?").param(locationId).update();
  }
}
