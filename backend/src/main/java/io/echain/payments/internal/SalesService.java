package io.echain.payments.internal;

import io.echain.chain.indexer.ChainClock;
import io.echain.events.EventCatalog;
import io.echain.events.EventNotFound;
import io.echain.identity.Caller;
import io.echain.tickets.EventTickets;
import io.echain.tickets.TicketView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** Revenue and sales reports for organizers and admins, from the projection only (no node calls). */
@Service
class SalesService {

    private final Revenues revenues;
    private final EventCatalog catalog;
    private final EventTickets tickets;
    private final PaymentService payments;
    private final ChainClock chainClock;

    SalesService(
            Revenues revenues,
            EventCatalog catalog,
            EventTickets tickets,
            PaymentService payments,
            ChainClock chainClock) {
        this.revenues = revenues;
        this.catalog = catalog;
        this.tickets = tickets;
        this.payments = payments;
        this.chainClock = chainClock;
    }

    RevenueView revenueOf(Caller organizer) {
        return RevenueView.of(organizer.address(), revenues.ofOrganizer(organizer.address()), now());
    }

    PlatformRevenueView platformRevenue(int page, int size) {
        return PlatformRevenueView.of(
                revenues.platformTotals(), revenues.page(page, size), page, size, revenues.platformWithdrawals());
    }

    SalesView sales(Caller caller, long eventId) {
        EventCatalog.EventSummary event = catalog.find(eventId).orElseThrow(() -> new EventNotFound(eventId));
        if (!caller.isAdmin() && !event.organizer().equals(caller.address())) {
            throw new PaymentProblems.NotEventOrganizer(eventId);
        }
        List<TicketView> sold = tickets.ofEvent(eventId);
        Map<String, Integer> holders = new TreeMap<>();
        sold.stream()
                .filter(t -> !"REFUNDED".equals(t.status()))
                .forEach(t -> holders.merge(t.owner(), 1, Integer::sum));
        RevenueView.EventRevenue revenue = revenues.ofEvent(eventId)
                .map(r -> RevenueView.EventRevenue.of(r, now()))
                .orElse(null);
        return new SalesView(
                eventId,
                revenue,
                sold,
                holders.entrySet().stream()
                        .map(e -> new SalesView.Holder(e.getKey(), e.getValue()))
                        .toList(),
                payments.ofEvent(eventId));
    }

    /** "Now" as the contracts see it: the latest indexed block's timestamp. */
    private Instant now() {
        return chainClock.now();
    }
}
