package io.echain.tickets;

/** Tickets of an event were sold, refunded or moved; published in the transaction that changed them. */
public record TicketSalesChanged(long eventId) {
}
