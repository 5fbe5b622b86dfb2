package com.onautomate.opportunities.mockserver.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are a database out of reach (503) and which are not (a bug, or the client's). */
class DatabaseOutageTest {

  @Test
  void connectionFailuresAreOutages() {
    assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("pool",
        new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms")))).isTrue();
    assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("tx", null))).isTrue();
    assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
    assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    assertThat(DatabaseOutage.causedBy(new SQLException("too many clients", "53300"))).isTrue();
  }

  /** Spring throws the failed rollback in place of the failure that started it; Hikari's message has no SQLSTATE. */
  @Test
  void aRollbackThatFailedOnAClosedConnectionIsAnOutage() {
    assertThat(DatabaseOutage.causedBy(new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).isTrue();
    TransactionSystemException commit = new TransactionSystemException("JDBC commit failed", new SQLException("x"));
    commit.initApplicationException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
    assertThat(DatabaseOutage.causedBy(commit)).isTrue();
    assertThat(DatabaseOutage.causedBy(new TransactionSystemException("JDBC commit failed",
        new SQLException("deferred constraint", "23505")))).isFalse();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
    assertThat(DatabaseOutage.causedBy(new SQLException("syntax error", "42601"))).isFalse();
  }
}
