package io.echain.events;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to events for other modules (the chain projection, quotes, ticket metadata). */
public interface EventCatalog {

    /**
     * What other modules may know about an event. {@code chainConfirmed}: its latest on-chain change (registration,
     * update or cancellation) is confirmed.
     */
    record EventSummary(
            long id,
            String organizer,
            String name,
            String description,
            String location,
            Instant startsAt,
            Instant endsAt,
            BigInteger priceWei,
            int capacity,
            boolean cancelled,
            BigInteger chainEventId,
            boolean chainConfirmed) {}

    Optional<EventSummary> find(long id);

    /** The events {@code organizer} (lower case) organizes, by start. */
    List<EventSummary> organizedBy(String organizer);

    /** Backend event ids of the given on-chain event ids; ids no event maps to are absent. */
    Map<BigInteger, Long> idsByChainEventId(Collection<BigInteger> chainEventIds);
}
