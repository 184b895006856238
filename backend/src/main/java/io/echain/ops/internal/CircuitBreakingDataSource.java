package io.echain.ops.internal;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source behind a circuit breaker: while the database is down, taking a connection fails at
 * once ({@link SQLTransientConnectionException}, SQLSTATE 08001) instead of waiting for the pool's deadline. A pool
 * that is merely busy (a timeout without a connection failure behind it) does not count against the database.
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

    private final CircuitBreaker breaker;
    private final DirectCheck probe;

    /** @param probe the check a half-open breaker runs before it asks the pool, or null to ask the pool directly */
    CircuitBreakingDataSource(DataSource target, CircuitBreaker breaker, DirectCheck probe) {
        super(target);
        this.breaker = breaker;
        this.probe = probe;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return guarded(() -> obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guarded(() -> obtainTargetDataSource().getConnection(username, password));
    }

    private interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private Connection guarded(ConnectionSource source) throws SQLException {
        if (!breaker.tryAcquirePermission()) {
            throw new SQLTransientConnectionException("The database is unavailable (circuit breaker "
                    + breaker.getState() + ")", "08001", CallNotPermittedException.createCallNotPermittedException(breaker));
        }
        long start = System.nanoTime();
        try {
            if (probe != null && breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
                probe.run();
            }
            Connection connection = source.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return connection;
        } catch (SQLException e) {
            if (isPoolBusy(e)) {
                breaker.releasePermission();
            } else {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    /** Hikari's timeout carries the last connection failure as its cause; without one, the pool was only busy. */
    private static boolean isPoolBusy(SQLException e) {
        return e instanceof SQLTransientConnectionException && e.getCause() == null;
    }
}
