package io.echain.shared;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One Resilience4j circuit breaker: it opens when at least {@code failureRate} percent of the last {@code window}
 * calls failed (once {@code minimumCalls} were made), rejects every call for {@code openFor}, then lets
 * {@code probes} calls through; if they succeed it closes, otherwise it opens again.
 *
 * @param failureRate percentage of failed calls that opens the breaker
 * @param window how many of the latest calls the rate is computed over
 * @param minimumCalls calls needed before the rate counts
 * @param openFor how long an open breaker rejects calls before it probes
 * @param probes calls let through to probe the dependency
 */
public record BreakerSettings(
        @DefaultValue("50") float failureRate,
        @DefaultValue("10") int window,
        @DefaultValue("5") int minimumCalls,
        @DefaultValue("1s") Duration openFor,
        @DefaultValue("1") int probes) {

    /** The breaker's configuration; {@code failure} says which exceptions count as the dependency failing. */
    public CircuitBreakerConfig config(Predicate<Throwable> failure) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(failureRate)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(probes)
                .recordException(failure)
                .writableStackTraceEnabled(false)
                .build();
    }
}
