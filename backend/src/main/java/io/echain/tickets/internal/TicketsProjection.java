package io.echain.tickets.internal;

import io.echain.chain.indexer.ChainProjection;
import io.echain.chain.indexer.ContractEvent;
import io.echain.chain.indexer.IndexerProgress;
import io.echain.events.EventCatalog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The tickets module's chain facts, projected in the indexer's transaction: a ticket per token of every purchase
 * (the purchase log names buyer, payment and price), transfers between holders,
 * and refunds (the ticket is burned). Purchases, the bulk of all logs, are written in batches; transfers and refunds
 * one at a time, in chain order.
 */
@Component
@Order(20)
class TicketsProjection implements ChainProjection {

    private final Tickets tickets;
    private final EventCatalog catalog;

    TicketsProjection(Tickets tickets, EventCatalog catalog) {
        this.tickets = tickets;
        this.catalog = catalog;
    }

    @Override
    public void apply(List<ContractEvent> events) {
        List<ContractEvent.TicketsPurchased> purchases = new ArrayList<>();
        for (ContractEvent event : events) {
            switch (event) {
                case ContractEvent.TicketsPurchased purchase -> purchases.add(purchase);
                case ContractEvent.Transfer transfer -> {
                    mint(purchases);
                    tickets.transfer(transfer(transfer));
                }
                case ContractEvent.TicketRefunded refund -> {
                    mint(purchases);
                    tickets.refund(refund.tokenId());
                }
                default -> {
                    // not a tickets fact
                }
            }
        }
        mint(purchases);
    }

    @Override
    public void undo(List<ContractEvent> newestFirst) {
        for (ContractEvent event : newestFirst) {
            switch (event) {
                case ContractEvent.TicketsPurchased purchase -> tickets.unmint(purchase.tokenIds());
                case ContractEvent.Transfer transfer -> tickets.untransfer(transfer(transfer));
                case ContractEvent.TicketRefunded refund -> tickets.unrefund(refund.tokenId(), refund.holder());
                default -> {
                    // nothing was projected
                }
            }
        }
    }

    /** Tickets of chain events whose backend event became known later are attached to it. */
    @Override
    public void onProgress(IndexerProgress progress) {
        List<BigInteger> unassigned = tickets.unassignedChainEvents();
        if (!unassigned.isEmpty()) {
            catalog.idsByChainEventId(unassigned).forEach(tickets::assignEvent);
        }
    }

    private void mint(List<ContractEvent.TicketsPurchased> purchases) {
        if (purchases.isEmpty()) {
            return;
        }
        Set<BigInteger> chainEvents = new HashSet<>();
        purchases.forEach(p -> chainEvents.add(p.chainEventId()));
        Map<BigInteger, Long> eventIds = catalog.idsByChainEventId(chainEvents);
        List<Tickets.Mint> mints = new ArrayList<>();
        for (ContractEvent.TicketsPurchased p : purchases) {
            BigInteger price = p.pricePerTicket();
            for (BigInteger tokenId : p.tokenIds()) {
                mints.add(new Tickets.Mint(
                        tokenId,
                        eventIds.get(p.chainEventId()),
                        p.chainEventId(),
                        p.buyer(),
                        p.paymentId(),
                        price,
                        p.at().txHash(),
                        p.at().blockNumber(),
                        p.at().blockTime()));
            }
        }
        tickets.mint(mints);
        purchases.clear();
    }

    private static Tickets.Transfer transfer(ContractEvent.Transfer t) {
        return new Tickets.Transfer(
                t.at().blockHash(),
                t.at().logIndex(),
                t.at().blockNumber(),
                t.at().txHash(),
                t.tokenId(),
                t.from(),
                t.to(),
                t.at().blockTime());
    }
}
