package io.echain.events.internal;

import java.math.BigInteger;
import java.time.Instant;

/** One row of the events table. */
record EventRow(
        long id,
        String organizer,
        String name,
        String description,
        String location,
        Instant startsAt,
        Instant endsAt,
        BigInteger priceWei,
        int capacity,
        int ticketsSold,
        boolean cancelled,
        BigInteger chainEventId,
        String chainStatus,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Instant saleStartsAt,
        Instant saleEndsAt,
        boolean transferLocked) {

    /** When sales open: the organizer's choice, else the creation time. */
    Instant effectiveSaleStart() {
        return saleStartsAt != null ? saleStartsAt : createdAt;
    }

    /** When sales close: the organizer's choice, else the start of the event. */
    Instant effectiveSaleEnd() {
        return saleEndsAt != null ? saleEndsAt : startsAt;
    }

    /** CANCELLED, else FINISHED once {@code now} (chain time, see {@code ChainClock}) reaches its end. */
    EventStatus status(Instant now) {
        if (cancelled) {
            return EventStatus.CANCELLED;
        }
        return endsAt.isAfter(now) ? EventStatus.SCHEDULED : EventStatus.FINISHED;
    }
}
