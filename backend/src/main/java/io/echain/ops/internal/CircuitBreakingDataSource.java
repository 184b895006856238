package io.echain.ops.internal;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source behind a circuit breaker: while the database is down, taking a connection fails at
 * once ({@link SQLTransientConnectionException}, SQLSTATE 08001) instead of waiting for the pool's deadline.
 *
 * <p>With a pool it can look into (Hikari) the wait for a connection is cut in slices: the pool's own timeout is a
 * short slice, and between slices this class tells a busy pool (it holds connections, all in use: wait on, up to the
 * deadline) from a dead database (no connection left and the pool's last attempt to open one failed: give up now,
 * and count it against the database). So requests that were waiting when the database went away fail within a
 * slice, not at the deadline, and stop waiting as soon as the breaker opens. A busy pool never counts as a failure.
 *
 * <p>A probe (the breaker half open) first opens one connection of its own outside the pool, and asks the pool only
 * once that worked: a pool that keeps retrying a dead database backs off up to 5 s between attempts (Hikari), which
 * would delay the recovery; with no caller waiting in it during the outage, the pool's first attempt after the
 * database is back is immediate.
 */
class CircuitBreakingDataSource extends DelegatingDataSource {

    /** Opens (and closes) a connection outside the pool; throws if the database does not accept one. */
    interface DirectCheck {
        void run() throws SQLException;
    }

    /** What the pool behind can tell: how many connections it holds (in use or idle). */
    interface Pool {
        int connections();
    }

    private interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private final CircuitBreaker breaker;
    private final DirectCheck probe;
    private final Pool pool;
    private final long deadlineNanos;

    /**
     * @param probe the check a half-open breaker runs before it asks the pool, or null to ask the pool directly
     * @param pool the pool to look into between slices (its own timeout being the slice), or null for one wait
     * @param deadline the longest wait for a connection
     */
    CircuitBreakingDataSource(
            DataSource target, CircuitBreaker breaker, DirectCheck probe, Pool pool, Duration deadline) {
        super(target);
        this.breaker = breaker;
        this.probe = probe;
        this.pool = pool;
        this.deadlineNanos = deadline.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return guarded(() -> obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guarded(() -> obtainTargetDataSource().getConnection(username, password));
    }

    private Connection guarded(ConnectionSource source) throws SQLException {
        if (!breaker.tryAcquirePermission()) {
            throw open();
        }
        long start = System.nanoTime();
        try {
            if (probe != null && breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
                probe.run();
            }
            while (true) {
                try {
                    Connection connection = source.get();
                    breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    return connection;
                } catch (SQLTransientConnectionException timeout) {
                    if (pool == null || databaseDown(timeout)) {
                        throw timeout;
                    }
                    if (System.nanoTime() - start >= deadlineNanos) {
                        breaker.releasePermission(); // busy until the deadline: not the database's fault
                        throw new Busy(timeout);
                    }
                    if (breaker.getState() == CircuitBreaker.State.OPEN) {
                        breaker.releasePermission();
                        throw open();
                    }
                }
            }
        } catch (Busy | Open e) {
            throw e;
        } catch (SQLException | RuntimeException | Error e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    /** The pool timed out with a connection failure behind it and holds no connection: the database is gone. */
    private boolean databaseDown(SQLTransientConnectionException timeout) {
        return timeout.getCause() != null && pool.connections() == 0;
    }

    private Open open() {
        return new Open(
                "The database is unavailable (circuit breaker " + breaker.getState() + ")",
                CallNotPermittedException.createCallNotPermittedException(breaker));
    }

    /** Refused because the breaker is open. */
    static final class Open extends SQLTransientConnectionException {
        Open(String message, Throwable cause) {
            super(message, "08001", cause);
        }
    }

    /** The pool was busy until the deadline; the database itself answers. */
    static final class Busy extends SQLTransientConnectionException {
        Busy(SQLTransientConnectionException timeout) {
            super(timeout.getMessage(), timeout.getSQLState(), timeout);
        }
    }
}
