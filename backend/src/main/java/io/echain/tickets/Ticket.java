package io.echain.tickets;

import java.math.BigInteger;

/** A ticket as projected from the chain. {@code eventId} is null for chain events no backend event maps to. */
public record Ticket(BigInteger tokenId, Long eventId, BigInteger chainEventId, String owner, String buyer,
        TicketStatus status, BigInteger paymentId, BigInteger pricePaid, String mintTxHash, Long blockNumber) {
}
