package io.echain.chain.indexer;

import io.echain.shared.Sampled;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The indexer's progress as committed in PostgreSQL, so every instance reports the same figures whichever one
 * indexes: {@code echain.indexer.applied.block} (the cursor) and {@code echain.indexer.head.block} (the node's head
 * the indexer saw with it). The in-process gauges of {@link ChainIndexer} are only meaningful on the leader.
 */
@Component
class IndexerMetrics implements MeterBinder {

    private final Sampled<IndexerProgress> progress;

    IndexerMetrics(IndexerStatus status) {
        this.progress = Sampled.every(Duration.ofSeconds(2), null, status::progress);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("echain.indexer.applied.block", progress, p -> value(p.get(), true))
                .description("Last block the indexer applied (from the shared cursor)")
                .register(meters);
        Gauge.builder("echain.indexer.head.block", progress, p -> value(p.get(), false))
                .description("The node's head block as the indexer last saw it (from the shared cursor)")
                .register(meters);
    }

    private static double value(IndexerProgress p, boolean applied) {
        if (p == null || p.head() < 0) {
            return Double.NaN;
        }
        return applied ? p.appliedThrough() : p.head();
    }
}
