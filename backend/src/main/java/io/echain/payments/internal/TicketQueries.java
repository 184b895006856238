package io.echain.payments.internal;

import io.echain.chain.indexer.IndexerStatus;
import io.echain.events.EventCatalog;
import io.echain.tickets.Ticket;
import io.echain.tickets.TicketLedger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Tickets with their event's name and confirmations. */
@Component
class TicketQueries {

    private final TicketLedger ledger;
    private final EventCatalog catalog;
    private final IndexerStatus indexer;
    private final int confirmations;

    TicketQueries(TicketLedger ledger, EventCatalog catalog, IndexerStatus indexer,
            @Value("${echain.chain.confirmations:3}") int confirmations) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.indexer = indexer;
        this.confirmations = confirmations;
    }

    List<TicketView> ownedBy(String owner) {
        return views(ledger.ownedBy(owner));
    }

    List<TicketView> ofEvent(long eventId) {
        return views(ledger.ofEvent(eventId));
    }

    private List<TicketView> views(List<Ticket> tickets) {
        IndexerStatus.Progress progress = indexer.progress();
        Map<Long, Optional<EventCatalog.EventSummary>> events = new HashMap<>();
        return tickets.stream().map(t -> {
            String name = t.eventId() == null ? null
                    : events.computeIfAbsent(t.eventId(), catalog::find).map(EventCatalog.EventSummary::name).orElse(null);
            long confirmed = t.blockNumber() == null ? 0 : IndexerStatus.confirmations(t.blockNumber(), progress.head());
            return new TicketView(t.tokenId().toString(), t.eventId(), name,
                    t.chainEventId() == null ? null : t.chainEventId().toString(), t.owner(), t.status().name(),
                    t.pricePaid() == null ? null : t.pricePaid().toString(), t.mintTxHash(), t.blockNumber(), confirmed,
                    confirmed >= confirmations, "/api/tickets/" + t.tokenId() + "/metadata");
        }).toList();
    }
}
