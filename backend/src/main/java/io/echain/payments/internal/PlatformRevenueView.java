package io.echain.payments.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigInteger;
import java.util.List;

/**
 * The platform's revenue as the PaymentProcessor keeps it (admins): platform fees are credited when an event is
 * settled, royalty halves when a royalty arrives; the treasury withdraws everything credited at once. All amounts in
 * wei as decimal strings; {@code creditedWei}, {@code withdrawnWei} and {@code withdrawableWei} equal the contract's
 * {@code platformTotals()} and {@code platformBalance()} once the indexer has caught up.
 */
record PlatformRevenueView(
        @Schema(description = "Platform fees of settled events")
        String feesCreditedWei,

        @Schema(description = "Platform fees of events not settled yet (credited when they are)")
        String feesPendingWei,

        @Schema(description = "The platform's half of every royalty")
        String royaltiesCreditedWei,

        @Schema(description = "Fees and royalties credited: platformTotals().credited")
        String creditedWei,

        @Schema(description = "Withdrawn to the treasury: platformTotals().withdrawn")
        String withdrawnWei,

        @Schema(description = "Credited and not withdrawn: platformBalance()")
        String withdrawableWei,

        @Schema(description = "This page of the events' books, newest event first")
        List<EventPlatformRevenue> events,

        @Schema(description = "Zero-based page number of events")
        int page,

        int size,

        @Schema(description = "Events with books in all (the totals above cover every one)")
        long totalEvents,

        List<Withdrawal> withdrawals) {

    @Schema(description = "The platform's part of one event's books, and the organizer's royalty withdrawals")
    record EventPlatformRevenue(
            Long eventId,
            String chainEventId,
            String platformFeeWei,

            @Schema(description = "The fee is credited (the event was settled)")
            boolean feeCredited,

            String royaltiesTotalWei,
            String platformRoyaltiesWei,
            String organizerRoyaltiesWei,
            String organizerRoyaltiesWithdrawnWei,
            boolean cancelled) {}

    record Withdrawal(String treasury, String amountWei, String txHash, long blockNumber) {}

    static PlatformRevenueView of(
            Revenues.PlatformTotals totals,
            List<RevenueRow> rows,
            int page,
            int size,
            List<Revenues.PlatformWithdrawal> withdrawals) {
        BigInteger withdrawn =
                withdrawals.stream().map(Revenues.PlatformWithdrawal::amount).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger credited = totals.feesCredited().add(totals.royaltiesCredited());
        return new PlatformRevenueView(
                totals.feesCredited().toString(),
                totals.feesPending().toString(),
                totals.royaltiesCredited().toString(),
                credited.toString(),
                withdrawn.toString(),
                credited.subtract(withdrawn).toString(),
                rows.stream()
                        .map(r -> new EventPlatformRevenue(
                                r.eventId(),
                                r.chainEventId().toString(),
                                r.platformFee().toString(),
                                r.settledFee() != null && !r.cancelled(),
                                r.royaltiesTotal().toString(),
                                r.platformRoyaltyCredited().toString(),
                                r.royaltyCredited().toString(),
                                r.royaltyWithdrawn().toString(),
                                r.cancelled()))
                        .toList(),
                page,
                size,
                totals.events(),
                withdrawals.stream()
                        .map(w -> new Withdrawal(w.treasury(), w.amount().toString(), w.txHash(), w.blockNumber()))
                        .toList());
    }
}
