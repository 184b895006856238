package io.echain.tickets;

import java.util.List;

/** Read access to an event's tickets for other modules (the organizer's sales report). */
public interface EventTickets {

    /** Every ticket of the event, refunded ones included, by token id. */
    List<TicketView> ofEvent(long eventId);
}
