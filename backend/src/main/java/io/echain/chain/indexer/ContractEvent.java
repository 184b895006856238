package io.echain.chain.indexer;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A log of the Echain contracts that the projections read, decoded with the generated wrappers (the ABI of the
 * deployed build). Addresses are lower case, times are the contract's Unix seconds. {@link #at()} says where the log
 * sits in the chain.
 */
public sealed interface ContractEvent {

    /**
     * Block, block hash, log index and transaction of a log, and the block's timestamp when the indexer applies it
     * (null where it is not known: undoing a stored log, decoding a receipt).
     */
    record Position(long blockNumber, String blockHash, int logIndex, String txHash, Instant blockTime) {

        public Position(long blockNumber, String blockHash, int logIndex, String txHash) {
            this(blockNumber, blockHash, logIndex, txHash, null);
        }
    }

    Position at();

    /** The chain event id this log is about, or null (transfers, platform withdrawals). */
    default BigInteger chainEventId() {
        return null;
    }

    /** {@code EventTicketNFT.EventRegistered}. */
    record EventRegistered(
            Position at,
            BigInteger chainEventId,
            String organizer,
            BigInteger price,
            long capacity,
            Instant saleStart,
            Instant saleEnd,
            Instant eventEnd,
            boolean transferLocked,
            String royaltyReceiver,
            int platformFeeBps)
            implements ContractEvent {}

    /** {@code EventTicketNFT.EventUpdated}: price, capacity or sale window changed. */
    record EventUpdated(
            Position at,
            BigInteger chainEventId,
            BigInteger price,
            long capacity,
            Instant saleStart,
            Instant saleEnd,
            String by)
            implements ContractEvent {}

    /** {@code PaymentProcessor.EventCancelled}. */
    record EventCancelled(Position at, BigInteger chainEventId, String by) implements ContractEvent {}

    /** {@code PaymentProcessor.TicketsPurchased}: tokens {@code firstTokenId .. firstTokenId + quantity - 1}. */
    record TicketsPurchased(
            Position at,
            BigInteger paymentId,
            BigInteger chainEventId,
            String buyer,
            int quantity,
            BigInteger amount,
            BigInteger firstTokenId)
            implements ContractEvent {

        public List<BigInteger> tokenIds() {
            List<BigInteger> ids = new ArrayList<>(quantity);
            for (int i = 0; i < quantity; i++) {
                ids.add(firstTokenId.add(BigInteger.valueOf(i)));
            }
            return ids;
        }

        /** What one ticket cost: the amount split evenly (every ticket of a purchase has the same price). */
        public BigInteger pricePerTicket() {
            return quantity == 0 ? BigInteger.ZERO : amount.divide(BigInteger.valueOf(quantity));
        }
    }

    /**
     * {@code EventTicketNFT.Transfer} (ERC-721) from one holder to another. Mints and burns are not handed out: they
     * repeat the {@link TicketsPurchased} and {@link TicketRefunded} logs of the same transaction.
     */
    record Transfer(Position at, String from, String to, BigInteger tokenId) implements ContractEvent {}

    /** {@code PaymentProcessor.TicketRefunded}: {@code holder} got {@code amount} back and the ticket was burned. */
    record TicketRefunded(Position at, BigInteger tokenId, BigInteger chainEventId, String holder, BigInteger amount)
            implements ContractEvent {}

    /** {@code PaymentProcessor.EventSettled}: the revenue of an ended event was split. */
    record EventSettled(
            Position at, BigInteger chainEventId, BigInteger gross, BigInteger organizerShare, BigInteger platformFee)
            implements ContractEvent {}

    /** {@code PaymentProcessor.OrganizerWithdrawn}: ticket revenue paid to the organizer. */
    record OrganizerWithdrawn(Position at, BigInteger chainEventId, String organizer, BigInteger amount)
            implements ContractEvent {}

    /** {@code PaymentProcessor.RoyaltyReceived}: a resale royalty, credited half to the organizer, half to the platform. */
    record RoyaltyReceived(
            Position at,
            BigInteger chainEventId,
            String from,
            BigInteger amount,
            BigInteger organizerShare,
            BigInteger platformShare)
            implements ContractEvent {}

    /** {@code PaymentProcessor.RoyaltyWithdrawn}: royalties paid to the organizer. */
    record RoyaltyWithdrawn(Position at, BigInteger chainEventId, String organizer, BigInteger amount)
            implements ContractEvent {}

    /** {@code PaymentProcessor.PlatformFeesWithdrawn}: platform fees and royalty halves paid to the treasury. */
    record PlatformFeesWithdrawn(Position at, String treasury, BigInteger amount) implements ContractEvent {}
}
