package com.onautomate.opportunities.mockserver.storage;

import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * The database the server stores into, as {@code spring.datasource.url} names it: the one place
 * that tells H2 from PostgreSQL (their SQL differs in index hints and substring matching, and only
 * PostgreSQL has planner statistics to refresh), and an in-memory H2, which only this JVM can
 * write, from a database other servers may share.
 */
@Component
public final class Database {

  private static final Pattern H2_MEMORY = Pattern.compile("jdbc:h2:((tcp|ssl)://[^/]*/)?mem:");

  private final String url;

  Database(DataSourceProperties properties) {
    this.url = properties.getUrl() == null ? "" : properties.getUrl();
  }

  /** The JDBC URL as configured. */
  public String url() {
    return url;
  }

  public boolean isH2() {
    return url.startsWith("jdbc:h2:");
  }

  /** An H2 database in this JVM's memory ({@code jdbc:h2:mem:}): no other process can write it. */
  public boolean isH2InMemory() {
    return url.startsWith("jdbc:h2:mem:");
  }

  /** An H2 database kept in files (embedded, or behind an H2 TCP server): anything but {@code mem:}. */
  public static boolean isH2OnDisk(String url) {
    return url.startsWith("jdbc:h2:") && !H2_MEMORY.matcher(url).lookingAt();
  }

  public boolean isPostgreSql() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The URL to print: a password in it is masked. */
  public String printableUrl() {
    return url.replaceAll("(?i)password=[^;&]*", "password=***");
  }
}
