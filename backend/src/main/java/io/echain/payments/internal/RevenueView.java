package io.echain.payments.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** An organizer's revenue per on-chain event and in total; all amounts in wei as decimal strings. */
record RevenueView(String organizer, List<EventRevenue> events, Totals total) {

    @Schema(description = "Books of one event as indexed from the chain (unconfirmed blocks included)")
    record EventRevenue(
            Long eventId,
            String chainEventId,
            int ticketsSold,
            int ticketsRefunded,
            String grossWei,
            String platformFeesWei,
            String organizerShareWei,
            String inEscrowWei,
            String withdrawableWei,
            String withdrawnWei,
            String refundedWei,

            @Schema(description = "The organizer's half of the royalties received for resales")
            String royaltiesWei,

            @Schema(description = "Every royalty received for resales, both halves")
            String royaltiesTotalWei,

            @Schema(description = "The platform's half of the royalties")
            String platformRoyaltiesWei,

            @Schema(description = "Royalties the organizer withdrew")
            String royaltiesWithdrawnWei,

            @Schema(description = "Royalties the organizer can withdraw now (withdrawRoyalty)")
            String royaltiesWithdrawableWei,

            boolean cancelled,
            boolean settled,
            Instant eventEnd) {

        static EventRevenue of(RevenueRow r, Instant now) {
            return new EventRevenue(
                    r.eventId(),
                    r.chainEventId().toString(),
                    r.ticketsSold(),
                    r.ticketsRefunded(),
                    r.gross().toString(),
                    r.platformFee().toString(),
                    r.organizerShare().toString(),
                    r.inEscrow().toString(),
                    r.withdrawable(now).toString(),
                    r.organizerWithdrawn().toString(),
                    r.refunded().toString(),
                    r.royaltyCredited().toString(),
                    r.royaltiesTotal().toString(),
                    r.platformRoyaltyCredited().toString(),
                    r.royaltyWithdrawn().toString(),
                    r.royaltiesWithdrawable().toString(),
                    r.cancelled(),
                    r.settledFee() != null,
                    r.eventEnd());
        }
    }

    record Totals(
            int ticketsSold,
            int ticketsRefunded,
            String grossWei,
            String platformFeesWei,
            String inEscrowWei,
            String withdrawableWei,
            String withdrawnWei,
            String refundedWei,

            @Schema(description = "The organizer's half of all royalties")
            String royaltiesWei,

            String royaltiesWithdrawnWei,
            String royaltiesWithdrawableWei) {}

    static RevenueView of(String organizer, List<RevenueRow> rows, Instant now) {
        List<EventRevenue> events =
                rows.stream().map(r -> EventRevenue.of(r, now)).toList();
        int sold = 0;
        int refundedCount = 0;
        BigInteger gross = BigInteger.ZERO;
        BigInteger fees = BigInteger.ZERO;
        BigInteger escrow = BigInteger.ZERO;
        BigInteger withdrawable = BigInteger.ZERO;
        BigInteger withdrawn = BigInteger.ZERO;
        BigInteger refunded = BigInteger.ZERO;
        BigInteger royalties = BigInteger.ZERO;
        BigInteger royaltiesWithdrawn = BigInteger.ZERO;
        BigInteger royaltiesWithdrawable = BigInteger.ZERO;
        for (RevenueRow r : rows) {
            sold += r.ticketsSold();
            refundedCount += r.ticketsRefunded();
            gross = gross.add(r.gross());
            fees = fees.add(r.platformFee());
            escrow = escrow.add(r.inEscrow());
            withdrawable = withdrawable.add(r.withdrawable(now));
            withdrawn = withdrawn.add(r.organizerWithdrawn());
            refunded = refunded.add(r.refunded());
            royalties = royalties.add(r.royaltyCredited());
            royaltiesWithdrawn = royaltiesWithdrawn.add(r.royaltyWithdrawn());
            royaltiesWithdrawable = royaltiesWithdrawable.add(r.royaltiesWithdrawable());
        }
        return new RevenueView(
                organizer,
                events,
                new Totals(
                        sold,
                        refundedCount,
                        gross.toString(),
                        fees.toString(),
                        escrow.toString(),
                        withdrawable.toString(),
                        withdrawn.toString(),
                        refunded.toString(),
                        royalties.toString(),
                        royaltiesWithdrawn.toString(),
                        royaltiesWithdrawable.toString()));
    }
}
