package io.echain.chain.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly one instance does a background job (sends the outbox, runs the indexer): the one holding a PostgreSQL
 * session advisory lock on a connection it keeps open. If that instance dies, PostgreSQL ends its session and the
 * lock with it, and the next instance to ask takes over. {@code echain.leader{role}} is 1 on the holder.
 */
public class Leadership {

    /** Advisory lock key of the outbox worker ("ECHN" in ASCII, then 1). */
    public static final long OUTBOX = 0x4543484E_00000001L;
    /** Advisory lock key of the chain indexer ("ECHN" in ASCII, then 2). */
    public static final long INDEXER = 0x4543484E_00000002L;

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final DataSource dataSource;
    private final long key;
    private final String role;
    private Connection connection;
    private volatile boolean held;

    public Leadership(DataSource dataSource, long key, String role, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.key = key;
        this.role = role;
        Gauge.builder("echain.leader", this, l -> l.held ? 1 : 0)
                .description("1 on the instance that runs the job named by role, 0 on the others")
                .tag("role", role)
                .register(meters);
    }

    /** Whether this instance holds (or just took) the lock. */
    public synchronized boolean holds() {
        try {
            if (connection != null && connection.isValid(2)) {
                return true;
            }
            if (connection != null) {
                log.warn("Lost the chain {} lock's database session; trying to take it again", role);
            }
            release();
            Connection candidate = dataSource.getConnection();
            candidate.setAutoCommit(true);
            try (PreparedStatement statement = candidate.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        connection = candidate;
                        held = true;
                        log.info("This instance now runs the chain {}", role);
                        return true;
                    }
                }
            }
            candidate.close();
            return false;
        } catch (SQLException e) {
            log.warn("{} lock check failed: {}", role, e.getMessage());
            release();
            return false;
        }
    }

    public synchronized void release() {
        held = false;
        if (connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
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
