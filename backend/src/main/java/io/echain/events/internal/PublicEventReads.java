package io.echain.events.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.echain.events.EventCancelled;
import io.echain.events.EventChanged;
import io.echain.events.EventPublished;
import io.echain.tickets.TicketSalesChanged;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anonymous reads, cached per instance as ready-made JSON: details for {@code detail-cache-ttl},
 * list pages per exact query for {@code list-cache-ttl}. Every change committed through this
 * instance evicts what it touches; another instance's change shows within the TTL.
 */
@Component
class PublicEventReads {

    /** A rendered event and the version its ETag names. */
    record Detail(byte[] json, long version) {
    }

    private final EventService service;
    private final JsonMapper json;
    private final Cache<Long, Detail> details;
    private final Cache<EventQuery, byte[]> pages;

    PublicEventReads(EventService service, JsonMapper json,
            @Value("${echain.events.detail-cache-ttl:10s}") Duration detailTtl,
            @Value("${echain.events.list-cache-ttl:1s}") Duration listTtl) {
        this.service = service;
        this.json = json;
        this.details = Caffeine.newBuilder().expireAfterWrite(detailTtl).maximumSize(50_000).build();
        this.pages = Caffeine.newBuilder().expireAfterWrite(listTtl).maximumSize(10_000).build();
    }

    Detail detail(long id) {
        Detail cached = details.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        EventView view = service.get(id);
        Detail detail = new Detail(json.writeValueAsBytes(view), view.version());
        details.put(id, detail);
        return detail;
    }

    byte[] page(EventQuery query) {
        byte[] cached = pages.getIfPresent(query);
        if (cached != null) {
            return cached;
        }
        byte[] page = json.writeValueAsBytes(service.list(query));
        pages.put(query, page);
        return page;
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
    void on(TicketSalesChanged changed) {
        evict(changed.eventId());
    }

    private void evict(long id) {
        details.invalidate(id);
        pages.invalidateAll();
    }
}
