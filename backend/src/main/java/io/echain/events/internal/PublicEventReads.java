package io.echain.events.internal;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.echain.events.EventCancelled;
import io.echain.events.EventChanged;
import io.echain.events.EventPublished;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anonymous reads, cached per instance as ready-made JSON: details for {@code detail-cache-ttl},
 * list pages per exact query for {@code list-cache-ttl}. Every change committed through this
 * instance evicts what it touches: edits, and what the chain changes ({@link PublicReadChanged}: sales, on-chain
 * status, the chain's clock passing an event's end); another instance's change shows within the TTL.
 */
@Component
class PublicEventReads {

    /** A rendered event and the version its ETag names. */
    record Detail(byte[] json, long version) {
    }

    private final LoadingCache<Long, Detail> details;
    private final LoadingCache<EventQuery, byte[]> pages;

    /**
     * Entries older than the TTL are reloaded in the background on their next read (that read still
     * gets the old copy, so no reader waits for the database), and never served past twice the TTL.
     * Concurrent misses for one key wait for a single load instead of all querying at once. A TTL
     * of zero turns that cache off.
     */
    PublicEventReads(EventService service, JsonMapper json,
            @Value("${echain.events.detail-cache-ttl:10s}") Duration detailTtl,
            @Value("${echain.events.list-cache-ttl:1s}") Duration listTtl) {
        this.details = cache(detailTtl, 50_000, id -> {
            EventView view = service.get(id);
            return new Detail(json.writeValueAsBytes(view), view.version());
        });
        this.pages = cache(listTtl, 10_000, query -> json.writeValueAsBytes(service.list(query)));
    }

    private static <K, V> LoadingCache<K, V> cache(Duration ttl, long size, CacheLoader<K, V> loader) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder();
        if (ttl.isPositive()) {
            builder.refreshAfterWrite(ttl).expireAfterWrite(ttl.multipliedBy(2)).maximumSize(size);
        } else {
            builder.maximumSize(0);
        }
        return builder.build(loader);
    }

    Detail detail(long id) {
        return details.get(id);
    }

    byte[] page(EventQuery query) {
        query.validatedOrder();
        return pages.get(query);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EventPublished published) {
        pages.invalidateAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EventChanged changed) {
        evict(changed.eventId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EventCancelled cancelled) {
        evict(cancelled.eventId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicReadChanged changed) {
        changed.eventIds().forEach(details::invalidate);
        pages.invalidateAll();
    }

    private void evict(long id) {
        details.invalidate(id);
        pages.invalidateAll();
    }
}
