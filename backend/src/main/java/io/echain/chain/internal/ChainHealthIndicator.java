package io.echain.chain.internal;

import io.echain.chain.ChainProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The chain's part of readiness and {@code /health} (contributor {@code chain}), from what {@link ChainMonitor} last
 * saw, so it answers at once: node reachable, its chain id and head block with its age, how far the indexer is
 * behind, and the circuit breaker. When the chain is not well the status is DEGRADED (readiness stays 200) or DOWN,
 * as {@code echain.health.chain.when-down} says.
 */
class ChainHealthIndicator implements HealthIndicator {

    /** The chain features are impaired but everything that needs only PostgreSQL serves. */
    static final Status DEGRADED = new Status("DEGRADED", "chain features paused; reads keep serving");

    private final ChainMonitor monitor;
    private final ChainAvailability availability;
    private final CircuitBreaker breaker;
    private final ChainProperties properties;
    private final ChainHealthSettings settings;

    ChainHealthIndicator(
            ChainMonitor monitor,
            ChainAvailability availability,
            CircuitBreaker breaker,
            ChainProperties properties,
            ChainHealthSettings settings) {
        this.monitor = monitor;
        this.availability = availability;
        this.breaker = breaker;
        this.properties = properties;
        this.settings = settings;
    }

    @Override
    public Health health() {
        ChainMonitor.Snapshot node = monitor.snapshot();
        Instant now = Instant.now();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", availability.state().name());
        details.put("reachable", node.reachable());
        details.put("chainId", properties.chainId());
        details.put("headBlock", node.headBlock());
        Long headAge = node.headTime() == null
                ? null
                : Math.max(0, Duration.between(node.headTime(), now).toSeconds());
        details.put("headAgeSeconds", headAge);
        details.put("indexedBlock", node.appliedBlock());
        details.put("lagBlocks", node.lagBlocks());
        details.put(
                "lagSeconds",
                node.appliedBlockTime() == null
                        ? null
                        : Math.max(
                                0,
                                Duration.between(node.appliedBlockTime(), now).toSeconds()));
        details.put("circuitBreaker", breaker.getState().name());
        if (node.downSince() != null && !node.reachable()) {
            details.put("downSince", node.downSince().toString());
        }
        String problem = problem(node, headAge);
        if (problem == null) {
            return Health.up().withDetails(details).build();
        }
        details.put("error", problem);
        Status status = settings.whenDown() == ChainHealthSettings.WhenDown.DOWN ? Status.DOWN : DEGRADED;
        return Health.status(status).withDetails(details).build();
    }

    private String problem(ChainMonitor.Snapshot node, Long headAge) {
        if (!node.reachable()) {
            return "node unreachable: " + node.error();
        }
        if (!availability.isReady()) {
            return availability.problem();
        }
        if (!settings.maxHeadAge().isZero()
                && headAge != null
                && headAge > settings.maxHeadAge().toSeconds()) {
            return "the node's head block is " + headAge + " s old (more than "
                    + settings.maxHeadAge().toSeconds() + " s): the node is not syncing";
        }
        if (settings.maxLagBlocks() > 0 && node.lagBlocks() > settings.maxLagBlocks()) {
            return "the indexer is " + node.lagBlocks() + " blocks behind the head (more than "
                    + settings.maxLagBlocks() + ")";
        }
        return null;
    }
}
