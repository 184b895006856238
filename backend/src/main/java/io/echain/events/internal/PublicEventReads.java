package io.echain.events.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.echain.chain.PurchaseAvailabilityChanged;
import io.echain.events.EventCancelled;
import io.echain.events.EventChanged;
import io.echain.events.EventPublished;
import io.echain.shared.DatabaseOutage;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anonymous reads, cached per instance as ready-made JSON: details for {@code detail-cache-ttl},
 * list pages per exact query for {@code list-cache-ttl}. Every change committed through this
 * instance evicts what it touches: edits, and what the chain changes ({@link PublicReadChanged}: sales, on-chain
 * status, the chain's clock passing an event's end); other instances evict it when {@link PublicReadsInvalidation}
 * tells them. While the database cannot be reached, the last copy rendered (at most {@code stale-if-error} old) is
 * served instead, marked stale.
 */
@Component
class PublicEventReads {

    /** A rendered event and the version its ETag names. */
    record Detail(byte[] json, long version) {}

    /** A read as served: the value, and how old it is when it is a stale copy served because the database is down. */
    record Served<T>(T value, Duration staleAge) {

        static <T> Served<T> fresh(T value) {
            return new Served<>(value, null);
        }

        boolean stale() {
            return staleAge != null;
        }
    }

    private record Rendered<T>(T value, Instant at) {}

    private final LoadingCache<Long, Detail> details;
    private final LoadingCache<EventQuery, byte[]> pages;
    private final Cache<Long, Rendered<Detail>> lastDetails;
    private final Cache<EventQuery, Rendered<byte[]>> lastPages;

    /**
     * Entries older than the TTL are reloaded in the background on their next read (that read still
     * gets the old copy, so no reader waits for the database), and never served past twice the TTL.
     * Concurrent misses for one key wait for a single load instead of all querying at once. A TTL
     * of zero turns that cache off (and its stale copies with it).
     */
    PublicEventReads(
            EventService service,
            JsonMapper json,
            @Value("${echain.events.detail-cache-ttl:10s}") Duration detailTtl,
            @Value("${echain.events.list-cache-ttl:1s}") Duration listTtl,
            @Value("${echain.events.stale-if-error:1h}") Duration staleIfError) {
        this.lastDetails = lastCopies(detailTtl.isPositive() ? staleIfError : Duration.ZERO, 50_000);
        this.lastPages = lastCopies(listTtl.isPositive() ? staleIfError : Duration.ZERO, 10_000);
        this.details = cache(
                detailTtl,
                50_000,
                loader(
                        id -> {
                            EventView view = service.get(id);
                            return new Detail(json.writeValueAsBytes(view), view.version());
                        },
                        lastDetails));
        this.pages = cache(listTtl, 10_000, loader(query -> json.writeValueAsBytes(service.list(query)), lastPages));
    }

    private static <K, V> LoadingCache<K, V> cache(Duration ttl, long size, CacheLoader<K, V> loader) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().recordStats();
        if (ttl.isPositive()) {
            builder.refreshAfterWrite(ttl).expireAfterWrite(ttl.multipliedBy(2)).maximumSize(size);
        } else {
            builder.maximumSize(0);
        }
        return builder.build(loader);
    }

    LoadingCache<Long, Detail> detailCache() {
        return details;
    }

    LoadingCache<EventQuery, byte[]> pageCache() {
        return pages;
    }

    private static <K, V> Cache<K, Rendered<V>> lastCopies(Duration keep, long size) {
        return keep.isPositive()
                ? Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(size).build()
                : Caffeine.newBuilder().maximumSize(0).build();
    }

    /**
     * Renders and keeps the copy for stale-if-error. A background refresh that meets a database outage drops the
     * entry (instead of logging a failure per read), so the next read asks again and, failing, gets the stale copy
     * marked as such.
     */
    private static <K, V> CacheLoader<K, V> loader(Function<K, V> render, Cache<K, Rendered<V>> last) {
        return new CacheLoader<>() {
            @Override
            public V load(K key) {
                V value = render.apply(key);
                last.put(key, new Rendered<>(value, Instant.now()));
                return value;
            }

            @Override
            public V reload(K key, V oldValue) {
                try {
                    return load(key);
                } catch (RuntimeException e) {
                    if (DatabaseOutage.isCauseOf(e)) {
                        return null;
                    }
                    throw e;
                }
            }
        };
    }

    Served<Detail> detail(long id) {
        return served(details, lastDetails, id);
    }

    Served<byte[]> page(EventQuery query) {
        query.validatedOrder();
        return served(pages, lastPages, query);
    }

    private static <K, V> Served<V> served(LoadingCache<K, V> cache, Cache<K, Rendered<V>> last, K key) {
        try {
            return Served.fresh(cache.get(key));
        } catch (RuntimeException e) {
            Rendered<V> copy = DatabaseOutage.isCauseOf(e) ? last.getIfPresent(key) : null;
            if (copy == null) {
                throw e;
            }
            return new Served<>(copy.value(), Duration.between(copy.at(), Instant.now()));
        }
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

    /** Every cached event shows whether purchases are paused: render them anew (stale copies stay for outages). */
    @EventListener
    void on(PurchaseAvailabilityChanged changed) {
        details.invalidateAll();
        pages.invalidateAll();
    }

    void evict(long id) {
        details.invalidate(id);
        pages.invalidateAll();
    }

    void evictLists() {
        pages.invalidateAll();
    }

    void evictAll() {
        details.invalidateAll();
        pages.invalidateAll();
    }
}
