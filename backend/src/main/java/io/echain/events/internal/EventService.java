package io.echain.events.internal;

import io.echain.chain.PurchaseAvailability;
import io.echain.chain.indexer.ChainClock;
import io.echain.events.EventCancelled;
import io.echain.events.EventChanged;
import io.echain.events.EventNotFound;
import io.echain.events.EventPublished;
import io.echain.identity.Caller;
import io.echain.shared.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Event use cases; every change is announced as an application event (in its transaction). */
@Service
class EventService {

    private final Events events;
    private final EventSearch search;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ChainClock chainClock;
    private final ObjectProvider<PurchaseAvailability> purchases;

    /**
     * {@code clock} (the wall clock) judges what organizers enter ("starts in the future"); {@code chainClock}
     * decides whether an event is over, as the contract does by {@code block.timestamp}.
     */
    EventService(
            Events events,
            EventSearch search,
            ApplicationEventPublisher publisher,
            Clock clock,
            ChainClock chainClock,
            ObjectProvider<PurchaseAvailability> purchases) {
        this.events = events;
        this.search = search;
        this.publisher = publisher;
        this.clock = clock;
        this.chainClock = chainClock;
        this.purchases = purchases;
    }

    @Transactional
    EventView create(Caller organizer, EventRequest request) {
        Instant now = clock.instant();
        rejectInvalid(request.crossFieldErrors(now, null, now));
        long id = events.insert(organizer.address(), request);
        publisher.publishEvent(new EventPublished(id, organizer.address()));
        return view(load(id), 0);
    }

    /** The event with its availability; sold is projected from the chain ({@link EventChainProjection}). */
    EventView get(long id) {
        EventRow row = load(id);
        return view(row, row.ticketsSold());
    }

    @Transactional
    EventView update(Caller caller, long id, Long expectedVersion, EventRequest request) {
        EventRow row = editableBy(caller, id, expectedVersion);
        rejectInvalid(request.crossFieldErrors(clock.instant(), row.startsAt(), row.createdAt()));
        if (request.transferLocked() != null && request.transferLocked() != row.transferLocked()) {
            throw new EventProblems.TransferLockFixed(id, row.transferLocked());
        }
        int sold = row.ticketsSold();
        if (request.capacity() < sold) {
            throw new EventProblems.CapacityBelowSold(request.capacity(), sold);
        }
        if (!events.update(id, row.version(), request)) {
            throw new EventProblems.EventVersionMismatch(id, load(id).version());
        }
        EventRow updated = load(id);
        publisher.publishEvent(new EventChanged(id, updated.version()));
        return view(updated, updated.ticketsSold());
    }

    @Transactional
    EventView cancel(Caller caller, long id, Long expectedVersion) {
        EventRow row = editableBy(caller, id, expectedVersion);
        if (!events.cancel(id, row.version())) {
            throw new EventProblems.EventVersionMismatch(id, load(id).version());
        }
        publisher.publishEvent(new EventCancelled(id));
        EventRow cancelled = load(id);
        return view(cancelled, cancelled.ticketsSold());
    }

    EventPage list(EventQuery query) {
        EventQuery.Order order = query.validatedOrder();
        Instant now = chainClock.now();
        EventSearch.Result result = search.find(query, order, now);
        EventView.Purchases purchases = purchases();
        List<EventView> items = result.rows().stream()
                .map(row -> EventView.of(row, row.ticketsSold(), now, purchases))
                .toList();
        int size = query.sizeOrDefault();
        return new EventPage(
                items,
                query.pageOrDefault(),
                size,
                result.total(),
                (result.total() + size - 1) / size,
                result.capped(),
                result.nextCursor());
    }

    /**
     * The row to edit, locked: {@code If-Match: *} (no expected version) means "whatever the current version is", so a
     * concurrent edit must not make it fail with 412; a given version is still compared with the current one.
     */
    private EventRow editableBy(Caller caller, long id, Long expectedVersion) {
        EventRow row = events.findForUpdate(id).orElseThrow(() -> new EventNotFound(id));
        if (!caller.isAdmin() && !row.organizer().equals(caller.address())) {
            throw new EventProblems.NotEventOrganizer(id);
        }
        if (expectedVersion != null && expectedVersion != row.version()) {
            throw new EventProblems.EventVersionMismatch(id, row.version());
        }
        EventStatus status = row.status(chainClock.now());
        if (status != EventStatus.SCHEDULED) {
            throw new EventProblems.EventNotEditable(id, status);
        }
        return row;
    }

    private EventRow load(long id) {
        return events.find(id).orElseThrow(() -> new EventNotFound(id));
    }

    private EventView view(EventRow row, int sold) {
        return EventView.of(row, sold, chainClock.now(), purchases());
    }

    /** Whether purchases are possible now (the chain module says; without it they are). */
    private EventView.Purchases purchases() {
        PurchaseAvailability availability = purchases.getIfAvailable();
        return availability == null
                ? EventView.Purchases.OPEN
                : availability
                        .pausedBecause()
                        .map(reason -> new EventView.Purchases(true, reason))
                        .orElse(EventView.Purchases.OPEN);
    }

    private static void rejectInvalid(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
