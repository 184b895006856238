package io.echain.payments.internal;

import io.echain.payments.PaymentStatus;
import java.math.BigInteger;
import java.time.Instant;

/** One row of the payments table; chain fields are null until the purchase is mined. */
record PaymentRow(long id, String txHash, BigInteger paymentId, BigInteger chainEventId, Long eventId, String buyer,
        Integer quantity, BigInteger amount, BigInteger fee, int refundedCount, BigInteger refundedAmount,
        PaymentStatus status, String failureReason, Long blockNumber, String blockHash, String submittedBy,
        Instant createdAt, Instant updatedAt) {
}
