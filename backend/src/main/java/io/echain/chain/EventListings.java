package io.echain.chain;

import java.util.Optional;

/**
 * Where the outbox reads an event when it sends a change, so the chain gets the latest state. Implemented by the
 * module that owns events; the chain module never reads another module's tables.
 */
public interface EventListings {

    /** The event as it should be on chain now; empty if there is no such event. */
    Optional<EventListing> listing(long eventId);
}
