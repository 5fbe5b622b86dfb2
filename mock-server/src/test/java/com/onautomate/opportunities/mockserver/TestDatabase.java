package com.onautomate.opportunities.mockserver;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database for one test class: H2 in memory (shared with the server in this JVM by its name),
 * a file H2, or a freshly created PostgreSQL schema with a random name, dropped afterwards.
 */
final class TestDatabase implements AutoCloseable {

  static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:55432/opportunities?user=postgres";

  private final String url;
  private final String dropSchemaUrl;
  private final String schema;

  private TestDatabase(String url, String dropSchemaUrl, String schema) {
    this.url = url;
    this.dropSchemaUrl = dropSchemaUrl;
    this.schema = schema;
  }

  static TestDatabase h2InMemory() {
    return new TestDatabase("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", null, null);
  }

  static TestDatabase h2File(java.nio.file.Path directory) {
    return new TestDatabase("jdbc:h2:file:" + directory.resolve("opportunities").toAbsolutePath()
        + ";LOCK_TIMEOUT=10000", null, null);
  }

  /**
   * A new schema on the PostgreSQL that CI starts. Skips the test class with a visible message when
   * none is reachable, unless ONAUTOMATE_REQUIRE_PG=true (CI), where it fails.
   */
  static TestDatabase postgres() {
    String base = System.getenv().getOrDefault("ONAUTOMATE_TEST_PG_URL", DEFAULT_PG_URL);
    boolean required = "true".equalsIgnoreCase(System.getenv("ONAUTOMATE_REQUIRE_PG"));
    String schema = "mock_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection connection = DriverManager.getConnection(base);
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String message = "PostgreSQL not reachable at " + base + " (" + e.getMessage() + ")";
      if (required) {
        fail(message + " and ONAUTOMATE_REQUIRE_PG=true");
      }
      System.err.println("SKIPPED: PostgreSQL storage tests: " + message);
      Assumptions.abort(message);
    }
    String separator = base.contains("?") ? "&" : "?";
    return new TestDatabase(base + separator + "currentSchema=" + schema, base, schema);
  }

  String url() {
    return url;
  }

  String serverArg() {
    return "--spring.datasource.url=" + url;
  }

  long count(String table) {
    return queryLong("SELECT COUNT(*) FROM " + table);
  }

  Connection connect() throws SQLException {
    // Spring Boot gives an in-memory H2 the user "sa"; a file H2 gets no user name.
    if (url.startsWith("jdbc:h2:mem:")) {
      return DriverManager.getConnection(url, "sa", "");
    }
    return url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, "", "") : DriverManager.getConnection(url);
  }

  long queryLong(String sql) {
    return queryFirst(sql, rs -> rs.getLong(1));
  }

  String queryString(String sql) {
    return queryFirst(sql, rs -> rs.getString(1));
  }

  /** The first column of every row. */
  java.util.List<String> queryStrings(String sql) {
    try (Connection connection = connect();
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(sql)) {
      java.util.List<String> values = new java.util.ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private interface Column<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The first column of the first row. */
  private <T> T queryFirst(String sql, Column<T> column) {
    try (Connection connection = connect();
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return column.read(rs);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  void execute(String sql) {
    try (Connection connection = connect();
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    if (schema == null) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(dropSchemaUrl);
         Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop " + schema, e);
    }
  }
}
