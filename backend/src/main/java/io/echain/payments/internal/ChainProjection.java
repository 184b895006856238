package io.echain.payments.internal;

import io.echain.chain.indexer.ChainLog;
import io.echain.chain.indexer.LogKind;
import io.echain.chain.indexer.LogProjection;
import io.echain.events.EventCatalog;
import io.echain.tickets.Ticket;
import io.echain.tickets.TicketLedger;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns contract logs into payments, tickets and revenue, and back again on a reorg. Runs inside the
 * indexer's transaction. Purchases (the bulk of all logs) are written in batches; everything else one
 * log at a time, in chain order. Mint and burn Transfer logs are recorded by the indexer but carry
 * nothing the purchase and refund logs do not.
 */
@Component
class ChainProjection implements LogProjection {

    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final Payments payments;
    private final Revenues revenues;
    private final TicketLedger tickets;
    private final EventCatalog catalog;
    private final PaymentMetrics metrics;
    private final int confirmations;
    private volatile long confirmedThrough = -1;

    ChainProjection(Payments payments, Revenues revenues, TicketLedger tickets, EventCatalog catalog,
            PaymentMetrics metrics, @Value("${echain.chain.confirmations:3}") int confirmations) {
        this.payments = payments;
        this.revenues = revenues;
        this.tickets = tickets;
        this.catalog = catalog;
        this.metrics = metrics;
        this.confirmations = confirmations;
    }

    @Override
    public void apply(List<ChainLog> logs) {
        List<ChainLog> purchases = new ArrayList<>();
        for (ChainLog log : logs) {
            if (log.kind() == LogKind.TICKETS_PURCHASED) {
                purchases.add(log);
                continue;
            }
            if (!projects(log)) {
                continue; // mint and burn Transfers, administrative logs: nothing to order purchases against
            }
            if (!purchases.isEmpty()) {
                applyPurchases(purchases);
                purchases.clear();
            }
            applyOne(log);
        }
        if (!purchases.isEmpty()) {
            applyPurchases(purchases);
        }
    }

    @Override
    public void undo(List<ChainLog> logsNewestFirst) {
        for (ChainLog log : logsNewestFirst) {
            undoOne(log);
        }
    }

    @Override
    public void onProgress(long appliedThrough, long head) {
        confirmedThrough = head - confirmations + 1;
        metrics.confirmed(payments.confirmThrough(Math.min(appliedThrough, confirmedThrough)));
        for (BigInteger chainEventId : revenues.unassigned()) {
            Long eventId = catalog.idsByChainEventId(List.of(chainEventId)).get(chainEventId);
            if (eventId != null) {
                revenues.assign(chainEventId, eventId);
                payments.assignEvent(chainEventId, eventId);
                tickets.assignEvent(chainEventId, eventId);
            }
        }
        metrics.refresh();
    }

    private void applyPurchases(List<ChainLog> logs) {
        Set<BigInteger> chainEvents = new HashSet<>();
        logs.forEach(l -> chainEvents.add(l.topicUint(2)));
        Map<BigInteger, Revenues.Registration> registrations = revenues.registrations(chainEvents);
        Map<BigInteger, Long> eventIds = resolve(chainEvents, registrations);
        Map<String, Deque<Long>> unmined = payments.unminedByTx(logs.stream().map(ChainLog::txHash).distinct().toList());

        List<Payments.Purchase> inserts = new ArrayList<>();
        List<Payments.Purchase> updates = new ArrayList<>();
        List<Long> updateIds = new ArrayList<>();
        List<TicketLedger.Mint> mints = new ArrayList<>();
        Map<BigInteger, BigInteger> gross = new LinkedHashMap<>();
        Map<BigInteger, Integer> sold = new HashMap<>();
        for (ChainLog log : logs) {
            BigInteger chainEventId = log.topicUint(2);
            int quantity = log.word(0).intValueExact();
            BigInteger amount = log.word(1);
            BigInteger firstToken = log.word(2);
            Revenues.Registration registration = registrations.get(chainEventId);
            int feeBps = registration == null ? 0 : registration.feeBps();
            Long eventId = eventIds.get(chainEventId);
            String buyer = log.topicAddress(3);
            Payments.Purchase purchase = new Payments.Purchase(log.topicUint(1), chainEventId, eventId, buyer, quantity,
                    amount, amount.multiply(BigInteger.valueOf(feeBps)).divide(BPS), log.txHash(), log.blockNumber(),
                    log.blockHash(), log.logIndex());
            Deque<Long> waiting = unmined.get(log.txHash());
            if (waiting != null && !waiting.isEmpty()) {
                updateIds.add(waiting.poll());
                updates.add(purchase);
            } else {
                inserts.add(purchase);
            }
            BigInteger price = quantity == 0 ? BigInteger.ZERO : amount.divide(BigInteger.valueOf(quantity));
            for (int i = 0; i < quantity; i++) {
                mints.add(new TicketLedger.Mint(firstToken.add(BigInteger.valueOf(i)), eventId, chainEventId, buyer,
                        purchase.paymentId(), price, log.txHash(), log.blockNumber()));
            }
            gross.merge(chainEventId, amount, BigInteger::add);
            sold.merge(chainEventId, quantity, Integer::sum);
        }
        if (!inserts.isEmpty()) {
            payments.insertMined(inserts);
        }
        if (!updates.isEmpty()) {
            payments.updateMined(updateIds, updates);
        }
        tickets.mint(mints);
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

    private void applyOne(ChainLog log) {
        switch (log.kind()) {
            case EVENT_REGISTERED -> {
                BigInteger chainEventId = log.topicUint(1);
                Long eventId = catalog.idsByChainEventId(List.of(chainEventId)).get(chainEventId);
                revenues.register(chainEventId, eventId, log.topicAddress(2), log.word(7).intValueExact(),
                        Instant.ofEpochSecond(log.word(4).longValueExact()), log.blockNumber());
            }
            case TRANSFER -> {
                TicketLedger.Transfer transfer = transfer(log);
                if (transfer != null) {
                    tickets.transfer(transfer);
                }
            }
            case EVENT_CANCELLED -> revenues.setCancelled(log.topicUint(1), true);
            case TICKET_REFUNDED -> {
                BigInteger tokenId = log.topicUint(1);
                BigInteger amount = log.word(0);
                tickets.find(tokenId).map(Ticket::paymentId)
                        .ifPresent(paymentId -> payments.refund(paymentId, amount, 1, confirmedThrough));
                tickets.refund(tokenId);
                revenues.addRefund(log.topicUint(2), amount, 1);
            }
            case EVENT_SETTLED -> revenues.setSettled(log.topicUint(1), log.word(2), log.word(1));
            case ORGANIZER_WITHDRAWN -> revenues.addOrganizerWithdrawn(log.topicUint(1), log.word(0));
            case ROYALTY_RECEIVED -> revenues.addRoyaltyCredited(log.topicUint(1), log.word(1));
            case ROYALTY_WITHDRAWN -> revenues.addRoyaltyWithdrawn(log.topicUint(1), log.word(0));
            default -> {
                // EventUpdated, PlatformFeesWithdrawn and administrative logs are recorded, not projected.
            }
        }
    }

    private void undoOne(ChainLog log) {
        switch (log.kind()) {
            case TICKETS_PURCHASED -> {
                BigInteger chainEventId = log.topicUint(2);
                int quantity = log.word(0).intValueExact();
                BigInteger firstToken = log.word(2);
                List<BigInteger> tokenIds = new ArrayList<>(quantity);
                for (int i = 0; i < quantity; i++) {
                    tokenIds.add(firstToken.add(BigInteger.valueOf(i)));
                }
                tickets.unmint(tokenIds);
                payments.unmine(log.topicUint(1));
                revenues.addSales(chainEventId, log.word(1).negate(), -quantity);
            }
            case EVENT_REGISTERED -> revenues.unregister(log.topicUint(1));
            case TRANSFER -> {
                TicketLedger.Transfer transfer = transfer(log);
                if (transfer != null) {
                    tickets.untransfer(transfer);
                }
            }
            case EVENT_CANCELLED -> revenues.setCancelled(log.topicUint(1), false);
            case TICKET_REFUNDED -> {
                BigInteger tokenId = log.topicUint(1);
                BigInteger amount = log.word(0);
                tickets.unrefund(tokenId, log.topicAddress(3));
                tickets.find(tokenId).map(Ticket::paymentId)
                        .ifPresent(paymentId -> payments.refund(paymentId, amount.negate(), -1, confirmedThrough));
                revenues.addRefund(log.topicUint(2), amount.negate(), -1);
            }
            case EVENT_SETTLED -> revenues.setSettled(log.topicUint(1), null, null);
            case ORGANIZER_WITHDRAWN -> revenues.addOrganizerWithdrawn(log.topicUint(1), log.word(0).negate());
            case ROYALTY_RECEIVED -> revenues.addRoyaltyCredited(log.topicUint(1), log.word(1).negate());
            case ROYALTY_WITHDRAWN -> revenues.addRoyaltyWithdrawn(log.topicUint(1), log.word(0).negate());
            default -> {
                // nothing was projected
            }
        }
    }

    private static boolean projects(ChainLog log) {
        return switch (log.kind()) {
            case TRANSFER -> transfer(log) != null;
            case EVENT_UPDATED, PLATFORM_FEES_WITHDRAWN, OTHER -> false;
            default -> true;
        };
    }

    /** A holder-to-holder transfer of a ticket; null for mints, burns and non-ERC-721 Transfer logs. */
    private static TicketLedger.Transfer transfer(ChainLog log) {
        if (log.topics().size() != 4) {
            return null;
        }
        String from = log.topicAddress(1);
        String to = log.topicAddress(2);
        if (ZERO.equals(from) || ZERO.equals(to)) {
            return null;
        }
        return new TicketLedger.Transfer(log.blockHash(), log.logIndex(), log.blockNumber(), log.txHash(),
                log.topicUint(3), from, to);
    }
}
