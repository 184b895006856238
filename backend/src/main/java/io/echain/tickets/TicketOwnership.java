package io.echain.tickets;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who holds a ticket now, as indexed, and since when: what check-in at the door decides on. {@code ownerConfirmed}
 * says whether the block of the ticket's latest transfer (or of its mint) is confirmed ({@link
 * io.echain.chain.Confirmations}).
 */
public interface TicketOwnership {

    /**
     * A ticket's holder. {@code ownerSince} is the block time of the latest transfer or of the mint (the time it was
     * indexed for rows indexed before block times were kept); {@code ownerBlock} that block.
     */
    record Holding(
            BigInteger tokenId,
            Long eventId,
            String owner,
            TicketStatus status,
            long ownerBlock,
            Instant ownerSince,
            boolean ownerConfirmed) {

        public boolean refunded() {
            return status == TicketStatus.REFUNDED;
        }
    }

    Optional<Holding> find(BigInteger tokenId);

    /** Every ticket of the event, refunded ones included, by token id. */
    List<Holding> ofEvent(long eventId);

    /** Token ids of the event's tickets that {@code owner} (lower case) holds now, refunded ones left out. */
    List<BigInteger> heldBy(long eventId, String owner);

    /** Tickets of the event that are not refunded. */
    long sold(long eventId);
}
