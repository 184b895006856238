package io.echain.chain.indexer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code echain.chain.indexer.*}: whether this instance may index, how often it polls, how many blocks
 * one {@code eth_getLogs} call and one transaction cover, and how many recent block hashes it keeps.
 */
@ConfigurationProperties("echain.chain.indexer")
public record IndexerProperties(
        Boolean enabled, Duration pollInterval, Integer rangeSize, Integer headerBatchSize, Integer blockRetention) {

    public IndexerProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        rangeSize = rangeSize == null ? 2_000 : rangeSize;
        headerBatchSize = headerBatchSize == null ? 500 : headerBatchSize;
        blockRetention = blockRetention == null ? 10_000 : blockRetention;
    }
}
