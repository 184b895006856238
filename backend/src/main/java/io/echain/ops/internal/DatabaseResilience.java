package io.echain.ops.internal;

import io.echain.shared.BreakerSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code echain.resilience.database.*}: how long a request waits for a database connection before it is answered
 * 503, and the circuit breaker that stops waiting at all while the database is down.
 *
 * @param connectionTimeout the pool's deadline for a connection (Hikari {@code connectionTimeout}, also the driver's
 *        connect and login timeout); {@code ECHAIN_DB_CONNECTION_TIMEOUT}
 * @param retryAfter what a 503 tells the client in {@code Retry-After}
 * @param breaker the circuit breaker around taking a connection
 */
@ConfigurationProperties("echain.resilience.database")
record DatabaseResilience(
        @DefaultValue("2s") Duration connectionTimeout,
        @DefaultValue("2s") Duration retryAfter,
        @DefaultValue BreakerSettings breaker) {}
