package io.echain.tickets.internal;

import io.echain.tickets.TicketStatus;
import java.math.BigInteger;

/** A ticket as projected from the chain. {@code eventId} is null for chain events no backend event maps to. */
record Ticket(
        BigInteger tokenId,
        Long eventId,
        BigInteger chainEventId,
        String owner,
        String buyer,
        TicketStatus status,
        BigInteger paymentId,
        BigInteger pricePaid,
        String mintTxHash,
        Long blockNumber) {}
