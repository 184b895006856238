package io.echain.chain.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code echain.health.chain.*}: what the chain's health check reports when the chain is not well.
 *
 * @param whenDown {@code degraded} (readiness stays 200 and says DEGRADED: everything that needs only PostgreSQL
 *        keeps serving) or {@code down} (readiness 503); {@code ECHAIN_HEALTH_CHAIN}
 * @param maxHeadAge the node's head block older than this counts as the node being down (0: not checked)
 * @param maxLagBlocks the indexer further behind the head than this counts as the chain being down (0: not checked)
 */
@ConfigurationProperties("echain.health.chain")
record ChainHealthSettings(
        @DefaultValue("degraded") WhenDown whenDown,
        @DefaultValue("0s") Duration maxHeadAge,
        @DefaultValue("0") long maxLagBlocks) {

    enum WhenDown {
        DEGRADED,
        DOWN
    }
}
