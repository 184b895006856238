package io.echain.chain.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly one instance sends with the operator key: the one holding a PostgreSQL session advisory lock on a
 * connection it keeps open. If that connection dies, the lock is gone and another instance takes over.
 */
class OutboxLeadership {

    /** Advisory lock key of the outbox worker ("ECHN" in ASCII, then 1). */
    static final long LOCK_KEY = 0x4543484E_00000001L;

    private static final Logger log = LoggerFactory.getLogger(OutboxLeadership.class);

    private final DataSource dataSource;
    private Connection connection;

    OutboxLeadership(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether this instance holds (or just took) the lock. */
    boolean holds() {
        try {
            if (connection != null && connection.isValid(2)) {
                return true;
            }
            release();
            Connection candidate = dataSource.getConnection();
            candidate.setAutoCommit(true);
            try (PreparedStatement statement = candidate.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, LOCK_KEY);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        connection = candidate;
                        log.info("This instance now sends the chain outbox");
                        return true;
                    }
                }
            }
            candidate.close();
            return false;
        } catch (SQLException e) {
            log.warn("Outbox lock check failed: {}", e.getMessage());
            release();
            return false;
        }
    }

    void release() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        } catch (SQLException ignored) {
            // The lock ends with the session anyway.
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing left to do.
        }
        connection = null;
    }
}
