package com.onautomate.opportunities.mockserver.errors;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A failure that means the database cannot be reached (stopped, restarting, unreachable, out of
 * connections), not a bug: answered {@code 503 {"msg": "Service Unavailable"}} with
 * {@code Retry-After}, never 500, and never retried inside the request. The wait before it is
 * bounded by the pool's connection timeout ({@code spring.datasource.hikari.connection-timeout}, 5 s
 * by default here); once the database answers again the pool reconnects by itself.
 */
public final class DatabaseOutage {

  public static final String MSG = "Service Unavailable";
  /** Seconds a client should wait before trying again: about one connection timeout. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseOutage() {
  }

  /** Whether the failure, or one of its causes, is the database being unreachable. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      if (t instanceof TransactionSystemException failed && isFailedRollback(failed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A rollback only fails on a connection that is gone: the pool closed it when it saw it break
   * (Hikari then says "Connection is closed", with no SQLSTATE), and Spring throws the rollback's
   * failure in place of the one that started it (which it logs, or keeps as the application exception).
   */
  private static boolean isFailedRollback(TransactionSystemException failed) {
    return (failed.getApplicationException() != null && causedBy(failed.getApplicationException()))
        || (failed.getMessage() != null && failed.getMessage().toLowerCase(Locale.ROOT).contains("rollback failed"));
  }

  /**
   * SQLSTATE class 08 (connection exception), 57P01-57P03 (PostgreSQL shutting down, crashed,
   * not yet accepting connections) and 53300 (too many connections).
   */
  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
  }
}
