package io.echain.tickets;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Writes and reads the tickets projection. Writers (the chain projection) call it inside their
 * transaction; every change of sold counts is announced as {@link TicketSalesChanged} per event.
 * Each write has an exact inverse, used when a reorg rolls the chain back.
 */
public interface TicketLedger {

    /** A minted ticket. */
    record Mint(BigInteger tokenId, Long eventId, BigInteger chainEventId, String buyer, BigInteger paymentId,
            BigInteger pricePaid, String txHash, long blockNumber) {
    }

    /** A transfer between two holders (neither is the zero address). */
    record Transfer(String blockHash, int logIndex, long blockNumber, String txHash, BigInteger tokenId, String from,
            String to) {
    }

    /** A past transfer of a ticket. */
    record TransferRecord(BigInteger tokenId, String from, String to, String txHash, long blockNumber) {
    }

    void mint(List<Mint> mints);

    /** Removes minted tickets again (their purchase left the chain). */
    void unmint(Collection<BigInteger> tokenIds);

    void transfer(Transfer transfer);

    void untransfer(Transfer transfer);

    /** Marks a ticket refunded (it was burned). */
    void refund(BigInteger tokenId);

    /** Undoes {@link #refund}: the ticket is held by {@code holder} again. */
    void unrefund(BigInteger tokenId, String holder);

    /** Attaches tickets of a chain event to the backend event it maps to, once known. */
    void assignEvent(BigInteger chainEventId, long eventId);

    Optional<Ticket> find(BigInteger tokenId);

    /** Position of the ticket among its chain event's tickets (1-based, by token id). */
    int ticketNumber(Ticket ticket);

    List<Ticket> ownedBy(String owner);

    List<Ticket> ofEvent(long eventId);

    List<TransferRecord> transfersOf(BigInteger tokenId);
}
