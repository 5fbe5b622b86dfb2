package com.onautomate.opportunities.mockserver.tenancy;

import com.onautomate.opportunities.mockserver.storage.Database;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The locations (tenants) and their tokens ({@code location}, {@code api_token}): which location a
 * bearer token belongs to, and the location's data version. Tokens are
 * never changed or revoked through the API, so a token once found is remembered; an unknown token
 * is asked of the database every time (it may have been created by another server on the same
 * database).
 *
 * <p>The data version is read from the database, where every write changes it in its own
 * transaction, so servers sharing a database see each other's writes. An in-memory H2 database
 * ({@code jdbc:h2:mem:}, the default) can only be written from this JVM, so for it the version is
 * also counted here, after each commit, and read from memory: a read of the version then costs no
 * query. The count is shared by every server of this JVM on the same database URL.
 */
@Component
public class Locations {

  /** Versions counted in memory, per in-memory database URL, then per location. */
  private static final ConcurrentMap<String, ConcurrentMap<String, AtomicLong>> IN_MEMORY_VERSIONS =
      new ConcurrentHashMap<>();

  private final JdbcClient jdbc;
  private final ConcurrentMap<String, String> locationByToken = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicLong> versions;

  Locations(JdbcClient jdbc, Database database) {
    this.jdbc = jdbc;
    this.versions = database.isH2InMemory()
        ? IN_MEMORY_VERSIONS.computeIfAbsent(database.url(), url -> new ConcurrentHashMap<>())
        : null;
  }

  /** Forgets the versions counted for an in-memory database that was dropped (its last server stopped). */
  public static void forgetInMemoryDatabase(String databaseUrl) {
    IN_MEMORY_VERSIONS.remove(databaseUrl);
  }

  /** A new location with its bearer token, in the caller's transaction. */
  public void add(String id, String name, String token) {
    jdbc.sql("INSERT INTO location (id, name) VALUES (?, ?)").params(id, name).update();
    jdbc.sql("INSERT INTO api_token (token, location_id) VALUES (?, ?)").params(token, id).update();
  }

  public boolean exists(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM location WHERE id = ?").param(id).query(Long.class).single() > 0;
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
    if (versions != null) {
      return versions.computeIfAbsent(locationId, id -> new AtomicLong()).get();
    }
    return jdbc.sql("SELECT data_version FROM location WHERE id = ?").param(locationId).query(Long.class).single();
  }

  /**
   * Marks a change to the location's data, inside the caller's transaction. Call it last: the row
   * lock it takes is then held only until the commit, and taken after every other lock.
   */
  public void dataChanged(String locationId) {
    jdbc.sql("UPDATE location SET data_version = data_version + 1 WHERE id = ?").param(locationId).update();
    if (versions == null) {
      return;
    }
    AtomicLong version = versions.computeIfAbsent(locationId, id -> new AtomicLong());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // After the commit, not before: a reader that saw the new version must also see the new data.
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          version.incrementAndGet();
        }
      });
    } else {
      version.incrementAndGet();
    }
  }
}
