package com.onautomate.opportunities.mockserver.tenancy;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which location (tenant) a bearer token belongs to. Tokens are never changed or revoked through
 * the API, so a token once found is remembered; an unknown token is asked of the database every
 * time (it may have been created by another server on the same database).
 */
@Repository
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
}
