package io.echain.events.internal;

import java.util.Set;

/**
 * Something anonymous reads show of these events changed without an event of the events module's own API: tickets
 * sold, the on-chain status, the chain's clock passing their end. Their cached reads are evicted after the commit.
 */
record PublicReadChanged(Set<Long> eventIds) {

    static PublicReadChanged of(long eventId) {
        return new PublicReadChanged(Set.of(eventId));
    }
}
