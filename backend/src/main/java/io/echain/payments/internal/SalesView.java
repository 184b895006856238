package io.echain.payments.internal;

import io.echain.tickets.TicketView;
import java.util.List;

/** Everything sold for one event: its books, its tickets, who holds them and its payments. */
record SalesView(
        long eventId,
        RevenueView.EventRevenue revenue,
        List<TicketView> tickets,
        List<Holder> holders,
        List<PaymentView> payments) {

    record Holder(String address, int tickets) {}
}
