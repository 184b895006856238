package io.echain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * What the chain integration needs to put an event on chain: organizer, price, capacity and the times the sale
 * window is derived from (see docs/chain.md).
 */
public record ChainListing(long eventId, String organizer, BigInteger priceWei, int capacity, Instant createdAt,
        Instant startsAt, Instant endsAt, boolean cancelled) {
}
