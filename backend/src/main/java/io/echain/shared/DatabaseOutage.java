package io.echain.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database outage (no connection within the deadline, the server gone, the circuit breaker open) from
 * other data errors: an outage is answered 503 with {@code Retry-After}, and lets cached reads be served stale.
 */
public final class DatabaseOutage {

    /**
     * What Hikari throws, without a SQLSTATE, on a connection it closed because the server went away (the rollback
     * after a failed commit meets it).
     */
    private static final String HIKARI_CLOSED = "Connection is closed";

    private DatabaseOutage() {}

    /** Whether {@code error} or one of its causes says the database cannot be reached. */
    public static boolean isCauseOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && (sql.getSQLState() != null
                            ? isConnectionState(sql.getSQLState())
                            : HIKARI_CLOSED.equals(sql.getMessage()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P01..57P03 (the server shut down or cannot accept). */
    private static boolean isConnectionState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
