package io.echain.events.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;

/**
 * Hits, misses, loads and evictions of the public read caches, as Micrometer's standard cache meters
 * ({@code cache.gets{cache, result}} and friends) with {@code cache} = {@code events.detail} or {@code events.list}.
 */
@Component
class PublicReadsMetrics implements MeterBinder {

    private final PublicEventReads reads;

    PublicReadsMetrics(PublicEventReads reads) {
        this.reads = reads;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        CaffeineCacheMetrics.monitor(meters, reads.detailCache(), "events.detail");
        CaffeineCacheMetrics.monitor(meters, reads.pageCache(), "events.list");
    }
}
