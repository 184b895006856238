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
 */
class CircuitBreakingDataSource extends DelegatingDataSource {

    private final CircuitBreaker breaker;

    CircuitBreakingDataSource(DataSource target, CircuitBreaker breaker) {
        super(target);
        this.breaker = breaker;
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
