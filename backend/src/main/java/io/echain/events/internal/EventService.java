package io.echain.events.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.echain.events.EventCancelled;
import io.echain.events.EventChanged;
import io.echain.events.EventPublished;
import io.echain.identity.Caller;
import io.echain.shared.InvalidRequest;
import io.echain.tickets.TicketSales;
import io.echain.tickets.TicketSalesChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Event use cases. For anonymous readers, details and list pages are cached briefly per instance
 * (evicted here on every change and on ticket sales), so the hot public read path rarely touches
 * the database; signed-in callers always read fresh data.
 */
@Service
class EventService {

    private final Events events;
    private final EventSearch search;
    private final TicketSales ticketSales;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Cache<Long, EventView> details;
    private final Cache<EventQuery, EventPage> pages;

    EventService(Events events, EventSearch search, TicketSales ticketSales, ApplicationEventPublisher publisher,
            Clock clock, @Value("${echain.events.detail-cache-ttl:10s}") Duration detailTtl,
            @Value("${echain.events.list-cache-ttl:1s}") Duration listTtl) {
        this.events = events;
        this.search = search;
        this.ticketSales = ticketSales;
        this.publisher = publisher;
        this.clock = clock;
        this.details = Caffeine.newBuilder().expireAfterWrite(detailTtl).maximumSize(50_000).build();
        this.pages = Caffeine.newBuilder().expireAfterWrite(listTtl).maximumSize(10_000).build();
    }

    @Transactional
    EventView create(Caller organizer, EventRequest request) {
        rejectInvalid(request.crossFieldErrors(clock.instant(), null));
        long id = events.insert(organizer.address(), request);
        pages.invalidateAll();
        publisher.publishEvent(new EventPublished(id, organizer.address()));
        return view(load(id), 0);
    }

    /**
     * The event with its availability; sold comes from the tickets table. Anonymous reads may be
     * served from the cache; {@code fresh} (signed-in callers, who edit and buy) always reads the database.
     */
    EventView get(long id, boolean fresh) {
        EventView cached = fresh ? null : details.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        EventView view = view(load(id), ticketSales.soldCount(id));
        details.put(id, view);
        return view;
    }

    @Transactional
    EventView update(Caller caller, long id, Long expectedVersion, EventRequest request) {
        EventRow row = editableBy(caller, id, expectedVersion);
        rejectInvalid(request.crossFieldErrors(clock.instant(), row.startsAt()));
        int sold = ticketSales.soldCount(id);
        if (request.capacity() < sold) {
            throw new EventProblems.CapacityBelowSold(request.capacity(), sold);
        }
        if (!events.update(id, row.version(), request)) {
            throw new EventProblems.EventVersionMismatch(id, load(id).version());
        }
        evict(id);
        EventRow updated = load(id);
        publisher.publishEvent(new EventChanged(id, updated.version()));
        return view(updated, sold);
    }

    @Transactional
    EventView cancel(Caller caller, long id, Long expectedVersion) {
        EventRow row = editableBy(caller, id, expectedVersion);
        if (!events.cancel(id, row.version())) {
            throw new EventProblems.EventVersionMismatch(id, load(id).version());
        }
        evict(id);
        publisher.publishEvent(new EventCancelled(id));
        return view(load(id), ticketSales.soldCount(id));
    }

    /** A page of events; identical anonymous queries within the list cache TTL share one database round trip. */
    EventPage list(EventQuery query, boolean fresh) {
        EventQuery.Order order = query.validatedOrder();
        EventPage cached = fresh ? null : pages.getIfPresent(query);
        if (cached != null) {
            return cached;
        }
        EventPage page = search(query, order);
        pages.put(query, page);
        return page;
    }

    private EventPage search(EventQuery query, EventQuery.Order order) {
        Instant now = clock.instant();
        EventSearch.Result result = search.find(query, order, now);
        List<EventView> items = result.rows().stream().map(row -> EventView.of(row, row.ticketsSold(), now)).toList();
        int size = query.sizeOrDefault();
        return new EventPage(items, query.pageOrDefault(), size, result.total(), (result.total() + size - 1) / size);
    }

    /** Keeps the tickets_sold mirror (used by the "has tickets left" filter) in step with the tickets table. */
    @EventListener
    void on(TicketSalesChanged changed) {
        events.setTicketsSold(changed.eventId(), ticketSales.soldCount(changed.eventId()));
        evict(changed.eventId());
    }

    private void evict(long id) {
        details.invalidate(id);
        pages.invalidateAll();
    }

    private EventRow editableBy(Caller caller, long id, Long expectedVersion) {
        EventRow row = load(id);
        if (!caller.isAdmin() && !row.organizer().equals(caller.address())) {
            throw new EventProblems.NotEventOrganizer(id);
        }
        if (expectedVersion != null && expectedVersion != row.version()) {
            throw new EventProblems.EventVersionMismatch(id, row.version());
        }
        EventStatus status = row.status(clock.instant());
        if (status != EventStatus.SCHEDULED) {
            throw new EventProblems.EventNotEditable(id, status);
        }
        return row;
    }

    private EventRow load(long id) {
        return events.find(id).orElseThrow(() -> new EventProblems.EventNotFound(id));
    }

    private EventView view(EventRow row, int sold) {
        return EventView.of(row, sold, clock.instant());
    }

    private static void rejectInvalid(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
