package io.echain.chain.internal;

import io.echain.shared.BreakerSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code echain.resilience.node.*}: the node's circuit breaker, the deadline of background calls (indexer, outbox;
 * requests use {@code echain.chain.rpc-timeout}) and how often the node is probed for health and recovery.
 *
 * @param backgroundTimeout deadline of one JSON-RPC call of the indexer and the outbox ({@code eth_getLogs} over
 *        thousands of blocks may take a while); {@code ECHAIN_RPC_BACKGROUND_TIMEOUT}
 * @param probeInterval pause between two probes of the node (head block; chain id and code after an outage)
 * @param breaker the circuit breaker shared by every call to the node
 */
@ConfigurationProperties("echain.resilience.node")
record NodeResilience(
        @DefaultValue("30s") Duration backgroundTimeout,
        @DefaultValue("1s") Duration probeInterval,
        @DefaultValue BreakerSettings breaker) {}
