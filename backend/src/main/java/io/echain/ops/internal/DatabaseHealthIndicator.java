package io.echain.ops.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The database check of readiness and {@code /health}, answered within its budget whatever the database does:
 * DOWN at once while the circuit breaker is open (or probing), otherwise a {@code select 1} that must come back
 * within the budget. A check that takes longer counts as DOWN only once no check has succeeded for
 * {@link #GRACE}: on a loaded host a slow answer is not an outage, and readiness must not flap with the load (a
 * database that is really gone opens the breaker within a second). At most one check query is in flight; a check
 * that arrives meanwhile waits for that one.
 */
class DatabaseHealthIndicator implements HealthIndicator {

    private record Probe(CompletableFuture<Long> result) {}

    /** How long slow checks are reported UP after the last one that succeeded. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final CircuitBreaker breaker;
    private final Duration budget;
    private volatile Probe inFlight;
    private volatile long lastSuccess = System.nanoTime() - GRACE.toNanos();

    DatabaseHealthIndicator(DataSource dataSource, CircuitBreaker breaker, Duration budget) {
        this.dataSource = dataSource;
        this.breaker = breaker;
        this.budget = budget;
    }

    @Override
    public Health health() {
        CircuitBreaker.State state = breaker.getState();
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN) {
            return Health.down()
                    .withDetail("error", "database unreachable (circuit breaker " + state + ")")
                    .withDetail("circuitBreaker", state.name())
                    .build();
        }
        try {
            long latencyMs = probe().result().get(budget.toMillis(), TimeUnit.MILLISECONDS);
            lastSuccess = System.nanoTime();
            return Health.up()
                    .withDetail("latencyMs", latencyMs)
                    .withDetail("circuitBreaker", state.name())
                    .build();
        } catch (TimeoutException e) {
            return slow("no answer within " + budget.toMillis() + " ms", state);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CircuitBreakingDataSource.Busy) {
                return slow("every connection of the pool is in use", state);
            }
            return Health.down()
                    .withDetail("error", "database unreachable")
                    .withDetail("circuitBreaker", breaker.getState().name())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private Health slow(String what, CircuitBreaker.State state) {
        long sinceSuccess = (System.nanoTime() - lastSuccess) / 1_000_000;
        Health.Builder health = sinceSuccess < GRACE.toMillis() ? Health.up().withDetail("slow", true) : Health.down();
        return health.withDetail("error", what + "; last answer " + sinceSuccess + " ms ago")
                .withDetail("circuitBreaker", state.name())
                .build();
    }

    private synchronized Probe probe() {
        Probe current = inFlight;
        if (current != null && !current.result().isDone()) {
            return current;
        }
        CompletableFuture<Long> result = new CompletableFuture<>();
        Thread.ofVirtual().name("database-health").start(() -> {
            long start = System.nanoTime();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("select 1");
                result.complete((System.nanoTime() - start) / 1_000_000);
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        inFlight = new Probe(result);
        return inFlight;
    }
}
