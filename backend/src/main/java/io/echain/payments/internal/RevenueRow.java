package io.echain.payments.internal;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The books of one on-chain event. Derived figures follow the PaymentProcessor: the fee is
 * gross × feeBps / 10,000 (nothing for a cancelled event; the settled figure once settled), the organizer
 * may withdraw its share once the event ended, and escrow is what the processor still holds for it. Royalties are
 * credited half to the organizer ({@code royaltyCredited}) and half to the platform ({@code platformRoyaltyCredited}).
 */
record RevenueRow(
        BigInteger chainEventId,
        Long eventId,
        String organizer,
        int feeBps,
        Instant eventEnd,
        int ticketsSold,
        int ticketsRefunded,
        BigInteger gross,
        BigInteger refunded,
        BigInteger organizerWithdrawn,
        BigInteger royaltyCredited,
        BigInteger royaltyWithdrawn,
        BigInteger platformRoyaltyCredited,
        BigInteger settledFee,
        BigInteger settledShare,
        boolean cancelled) {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    BigInteger platformFee() {
        if (cancelled) {
            return BigInteger.ZERO;
        }
        return settledFee != null
                ? settledFee
                : gross.multiply(BigInteger.valueOf(feeBps)).divide(BPS);
    }

    BigInteger organizerShare() {
        if (cancelled) {
            return BigInteger.ZERO;
        }
        return settledShare != null ? settledShare : gross.subtract(platformFee());
    }

    /** Ticket revenue the organizer can take now: its share after the event's end, less what it took. */
    BigInteger withdrawable(Instant now) {
        if (cancelled || now.isBefore(eventEnd)) {
            return BigInteger.ZERO;
        }
        return organizerShare().subtract(organizerWithdrawn).max(BigInteger.ZERO);
    }

    /** Every royalty received for this event, both halves. */
    BigInteger royaltiesTotal() {
        return royaltyCredited.add(platformRoyaltyCredited);
    }

    /** The organizer's royalties it has not withdrawn yet (withdrawable at any time). */
    BigInteger royaltiesWithdrawable() {
        return royaltyCredited.subtract(royaltyWithdrawn).max(BigInteger.ZERO);
    }

    /** The platform fee the contract credited to the platform: fixed at settlement, nothing before or if cancelled. */
    BigInteger feeCredited() {
        return cancelled || settledFee == null ? BigInteger.ZERO : settledFee;
    }

    /** Ticket money the processor still holds for this event (royalties aside). */
    BigInteger inEscrow() {
        if (cancelled) {
            return gross.subtract(refunded);
        }
        if (settledFee != null) {
            return organizerShare().subtract(organizerWithdrawn);
        }
        return gross.subtract(organizerWithdrawn);
    }
}
