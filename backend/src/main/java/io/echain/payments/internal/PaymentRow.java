package io.echain.payments.internal;

import io.echain.payments.PaymentStatus;
import java.math.BigInteger;
import java.time.Instant;

/**
 * One row of the payments table; chain fields are null until the purchase is mined. {@code sender} is the
 * transaction's sender as the node reported it, {@code submittedBy} who reported the hash.
 */
record PaymentRow(
        long id,
        String txHash,
        BigInteger paymentId,
        BigInteger chainEventId,
        Long eventId,
        String buyer,
        Integer quantity,
        BigInteger amount,
        BigInteger fee,
        int refundedCount,
        BigInteger refundedAmount,
        PaymentStatus status,
        String failureReason,
        Long blockNumber,
        String blockHash,
        String submittedBy,
        String sender,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * A payment is its buyer's and its transaction's sender's. Who reported a hash the node did not know yet sees it
     * only until the sender or the buyer is known, so reporting someone else's hash hands out nothing.
     */
    boolean visibleTo(String address) {
        if (address.equals(buyer) || address.equals(sender)) {
            return true;
        }
        return sender == null && paymentId == null && address.equals(submittedBy);
    }
}
