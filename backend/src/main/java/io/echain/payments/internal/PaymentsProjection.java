package io.echain.payments.internal;

import io.echain.chain.indexer.ChainProjection;
import io.echain.chain.indexer.ContractEvent;
import io.echain.chain.indexer.IndexerProgress;
import io.echain.events.EventCatalog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The payments module's chain facts, projected in the indexer's transaction: payments (purchases, refunds) and the
 * books of every event (registration terms, sales, refunds, cancellation, settlement, withdrawals, royalties), and
 * back again on a reorg. Purchases (the bulk of all logs) are written in batches; everything else one event at a
 * time, in chain order.
 */
@Component
@Order(30)
class PaymentsProjection implements ChainProjection {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final Payments payments;
    private final Revenues revenues;
    private final EventCatalog catalog;
    private final PaymentMetrics metrics;
    private final ChainSaleState saleState;
    private volatile long confirmedThrough = -1;

    PaymentsProjection(
            Payments payments,
            Revenues revenues,
            EventCatalog catalog,
            PaymentMetrics metrics,
            ChainSaleState saleState) {
        this.saleState = saleState;
        this.payments = payments;
        this.revenues = revenues;
        this.catalog = catalog;
        this.metrics = metrics;
    }

    @Override
    public void apply(List<ContractEvent> events) {
        Map<String, Integer> purchasesPerTx = new HashMap<>(); // a transaction's logs all sit in one applied range
        List<ContractEvent.TicketsPurchased> purchases = new ArrayList<>();
        for (ContractEvent event : events) {
            if (event instanceof ContractEvent.TicketsPurchased purchase) {
                purchases.add(purchase);
                continue;
            }
            if (!projects(event)) {
                continue; // transfers and the like: nothing to order purchases against
            }
            if (!purchases.isEmpty()) {
                applyPurchases(purchases, purchasesPerTx);
                purchases.clear();
            }
            applyOne(event);
        }
        if (!purchases.isEmpty()) {
            applyPurchases(purchases, purchasesPerTx);
        }
    }

    @Override
    public void undo(List<ContractEvent> newestFirst) {
        for (ContractEvent event : newestFirst) {
            undoOne(event);
        }
    }

    @Override
    public void onProgress(IndexerProgress progress) {
        saleState.onHead(progress.head());
        confirmedThrough = progress.confirmedThrough();
        metrics.confirmed(payments.confirmThrough(Math.min(progress.appliedThrough(), confirmedThrough)));
        List<BigInteger> unassigned = revenues.unassigned();
        if (!unassigned.isEmpty()) {
            catalog.idsByChainEventId(unassigned).forEach((chainEventId, eventId) -> {
                revenues.assign(chainEventId, eventId);
                payments.assignEvent(chainEventId, eventId);
            });
        }
        metrics.refresh();
    }

    /** Records purchases; {@code purchasesPerTx} numbers each transaction's purchases in chain order. */
    private void applyPurchases(List<ContractEvent.TicketsPurchased> purchases, Map<String, Integer> purchasesPerTx) {
        Set<BigInteger> chainEvents = new HashSet<>();
        purchases.forEach(p -> chainEvents.add(p.chainEventId()));
        Map<BigInteger, Revenues.Registration> registrations = revenues.registrations(chainEvents);
        Map<BigInteger, Long> eventIds = resolve(chainEvents, registrations);

        List<Payments.Purchase> mined = new ArrayList<>(purchases.size());
        Map<BigInteger, BigInteger> gross = new LinkedHashMap<>();
        Map<BigInteger, Integer> sold = new HashMap<>();
        for (ContractEvent.TicketsPurchased p : purchases) {
            Revenues.Registration registration = registrations.get(p.chainEventId());
            int feeBps = registration == null ? 0 : registration.feeBps();
            int purchaseIndex = purchasesPerTx.merge(p.at().txHash(), 1, Integer::sum) - 1;
            mined.add(new Payments.Purchase(
                    p.paymentId(),
                    p.chainEventId(),
                    eventIds.get(p.chainEventId()),
                    p.buyer(),
                    p.quantity(),
                    p.amount(),
                    p.amount().multiply(BigInteger.valueOf(feeBps)).divide(BPS),
                    p.at().txHash(),
                    purchaseIndex,
                    p.at().blockNumber(),
                    p.at().blockHash(),
                    p.at().logIndex()));
            gross.merge(p.chainEventId(), p.amount(), BigInteger::add);
            sold.merge(p.chainEventId(), p.quantity(), Integer::sum);
        }
        payments.upsertMined(mined);
        gross.forEach((chainEventId, amount) -> revenues.addSales(chainEventId, amount, sold.get(chainEventId)));
    }

    private Map<BigInteger, Long> resolve(Set<BigInteger> chainEvents, Map<BigInteger, Revenues.Registration> known) {
        Map<BigInteger, Long> ids = new HashMap<>();
        List<BigInteger> unknown = new ArrayList<>();
        for (BigInteger id : chainEvents) {
            Revenues.Registration registration = known.get(id);
            if (registration != null && registration.eventId() != null) {
                ids.put(id, registration.eventId());
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            ids.putAll(catalog.idsByChainEventId(unknown));
        }
        return ids;
    }

    private void applyOne(ContractEvent event) {
        switch (event) {
            case ContractEvent.EventRegistered e ->
                revenues.register(
                        e.chainEventId(),
                        catalog.idsByChainEventId(List.of(e.chainEventId())).get(e.chainEventId()),
                        e.organizer(),
                        e.platformFeeBps(),
                        e.eventEnd(),
                        e.at().blockNumber());
            case ContractEvent.EventCancelled e -> revenues.setCancelled(e.chainEventId(), true);
            case ContractEvent.TicketRefunded e -> {
                payments.refundToken(e.tokenId(), e.amount(), 1, confirmedThrough);
                revenues.addRefund(e.chainEventId(), e.amount(), 1);
            }
            case ContractEvent.EventSettled e ->
                revenues.setSettled(e.chainEventId(), e.platformFee(), e.organizerShare());
            case ContractEvent.OrganizerWithdrawn e -> revenues.addOrganizerWithdrawn(e.chainEventId(), e.amount());
            case ContractEvent.RoyaltyReceived e ->
                revenues.addRoyalty(e.chainEventId(), e.organizerShare(), e.platformShare());
            case ContractEvent.RoyaltyWithdrawn e -> revenues.addRoyaltyWithdrawn(e.chainEventId(), e.amount());
            case ContractEvent.PlatformFeesWithdrawn e ->
                revenues.addPlatformWithdrawal(
                        e.at().blockHash(),
                        e.at().logIndex(),
                        e.at().blockNumber(),
                        e.at().txHash(),
                        e.treasury(),
                        e.amount());
            default -> {
                // not a payments fact
            }
        }
    }

    private void undoOne(ContractEvent event) {
        switch (event) {
            case ContractEvent.TicketsPurchased e -> {
                payments.unmine(e.paymentId());
                revenues.addSales(e.chainEventId(), e.amount().negate(), -e.quantity());
            }
            case ContractEvent.EventRegistered e -> revenues.unregister(e.chainEventId());
            case ContractEvent.EventCancelled e -> revenues.setCancelled(e.chainEventId(), false);
            case ContractEvent.TicketRefunded e -> {
                payments.refundToken(e.tokenId(), e.amount().negate(), -1, confirmedThrough);
                revenues.addRefund(e.chainEventId(), e.amount().negate(), -1);
            }
            case ContractEvent.EventSettled e -> revenues.setSettled(e.chainEventId(), null, null);
            case ContractEvent.OrganizerWithdrawn e ->
                revenues.addOrganizerWithdrawn(e.chainEventId(), e.amount().negate());
            case ContractEvent.RoyaltyReceived e ->
                revenues.addRoyalty(
                        e.chainEventId(),
                        e.organizerShare().negate(),
                        e.platformShare().negate());
            case ContractEvent.RoyaltyWithdrawn e ->
                revenues.addRoyaltyWithdrawn(e.chainEventId(), e.amount().negate());
            case ContractEvent.PlatformFeesWithdrawn e ->
                revenues.removePlatformWithdrawal(e.at().blockHash(), e.at().logIndex());
            default -> {
                // nothing was projected
            }
        }
    }

    private static boolean projects(ContractEvent event) {
        return switch (event) {
            case ContractEvent.EventRegistered e -> true;
            case ContractEvent.EventCancelled e -> true;
            case ContractEvent.TicketRefunded e -> true;
            case ContractEvent.EventSettled e -> true;
            case ContractEvent.OrganizerWithdrawn e -> true;
            case ContractEvent.RoyaltyReceived e -> true;
            case ContractEvent.RoyaltyWithdrawn e -> true;
            case ContractEvent.PlatformFeesWithdrawn e -> true;
            default -> false;
        };
    }
}
