package io.echain.chain;

import java.math.BigInteger;
import java.time.Instant;

/**
 * What the outbox needs to put an event on chain: organizer, price, capacity, the sale window (with the defaults
 * applied: sales open at creation and close at the start unless the organizer chose otherwise), the end and the
 * transfer lock (see docs/chain.md).
 */
public record EventListing(
        long eventId,
        String organizer,
        BigInteger priceWei,
        int capacity,
        Instant saleStartsAt,
        Instant saleEndsAt,
        Instant endsAt,
        boolean transferLocked,
        boolean cancelled) {}
