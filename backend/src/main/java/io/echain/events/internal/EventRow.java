package io.echain.events.internal;

import java.math.BigInteger;
import java.time.Instant;

/** One row of the events table. */
record EventRow(long id, String organizer, String name, String description, String location, Instant startsAt,
        Instant endsAt, BigInteger priceWei, int capacity, int ticketsSold, boolean cancelled, BigInteger chainEventId,
        String chainStatus, Instant createdAt, Instant updatedAt, long version) {

    EventStatus status(Instant now) {
        if (cancelled) {
            return EventStatus.CANCELLED;
        }
        return endsAt.isAfter(now) ? EventStatus.SCHEDULED : EventStatus.FINISHED;
    }
}
