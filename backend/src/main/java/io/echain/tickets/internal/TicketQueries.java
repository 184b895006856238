package io.echain.tickets.internal;

import io.echain.chain.Confirmations;
import io.echain.chain.indexer.IndexerStatus;
import io.echain.events.EventCatalog;
import io.echain.tickets.EventTickets;
import io.echain.tickets.TicketView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tickets with their event's name and confirmations. */
@Component
class TicketQueries implements EventTickets {

    private final Tickets tickets;
    private final EventCatalog catalog;
    private final IndexerStatus indexer;
    private final Confirmations confirmations;
    private final TicketsProperties urls;

    TicketQueries(
            Tickets tickets,
            EventCatalog catalog,
            IndexerStatus indexer,
            Confirmations confirmations,
            TicketsProperties urls) {
        this.tickets = tickets;
        this.catalog = catalog;
        this.indexer = indexer;
        this.confirmations = confirmations;
        this.urls = urls;
    }

    /** What {@code /api/me/tickets} shows: statuses from the wallet's point of view ({@link Tickets#heldBy}). */
    List<TicketView> heldBy(String wallet) {
        return views(tickets.heldBy(wallet));
    }

    @Override
    public List<TicketView> ofEvent(long eventId) {
        return views(tickets.ofEvent(eventId));
    }

    private List<TicketView> views(List<Ticket> list) {
        long head = indexer.progress().head();
        Map<Long, Optional<EventCatalog.EventSummary>> events = new HashMap<>();
        return list.stream()
                .map(t -> {
                    String name = t.eventId() == null
                            ? null
                            : events.computeIfAbsent(t.eventId(), catalog::find)
                                    .map(EventCatalog.EventSummary::name)
                                    .orElse(null);
                    long confirmed = t.blockNumber() == null ? 0 : confirmations.of(t.blockNumber(), head);
                    return new TicketView(
                            t.tokenId().toString(),
                            t.eventId(),
                            name,
                            t.chainEventId() == null ? null : t.chainEventId().toString(),
                            t.owner(),
                            t.status().name(),
                            t.pricePaid() == null ? null : t.pricePaid().toString(),
                            t.mintTxHash(),
                            t.blockNumber(),
                            confirmed,
                            confirmed >= confirmations.required(),
                            urls.metadataUrl(t.tokenId()));
                })
                .toList();
    }
}
