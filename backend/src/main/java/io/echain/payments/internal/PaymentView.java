package io.echain.payments.internal;

import io.echain.chain.Confirmations;
import io.echain.chain.indexer.IndexerProgress;
import io.echain.payments.PaymentStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigInteger;
import java.time.Instant;

/** A purchase as the API shows it; chain fields are null until it is mined. */
record PaymentView(
        long id,
        String txHash,
        PaymentStatus status,

        @Schema(description = "The contract's payment id (the first token id), decimal string")
        String paymentId,

        Long eventId,

        @Schema(description = "On-chain event id, decimal string")
        String chainEventId,

        String buyer,
        Integer quantity,
        @Schema(description = "Paid in wei, decimal string") String amountWei,

        @Schema(description = "Platform fee share of the amount in wei, decimal string")
        String feeWei,

        int refundedQuantity,
        String refundedWei,
        Long blockNumber,

        @Schema(description = "head − block + 1; 0 while not mined")
        long confirmations,

        int requiredConfirmations,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    static PaymentView of(PaymentRow row, IndexerProgress progress, Confirmations rule) {
        long confirmations =
                row.blockNumber() == null || row.paymentId() == null ? 0 : rule.of(row.blockNumber(), progress.head());
        int required = rule.required();
        return new PaymentView(
                row.id(),
                row.txHash(),
                row.status(),
                text(row.paymentId()),
                row.eventId(),
                text(row.chainEventId()),
                row.buyer(),
                row.quantity(),
                text(row.amount()),
                text(row.fee()),
                row.refundedCount(),
                text(row.refundedAmount()),
                row.blockNumber(),
                confirmations,
                required,
                row.failureReason(),
                row.createdAt(),
                row.updatedAt());
    }

    private static String text(BigInteger value) {
        return value == null ? null : value.toString();
    }
}
