package io.echain.tickets;

/**
 * A ticket's status. In {@code /api/me/tickets} it is the caller's point of view: ACTIVE while the caller holds it,
 * TRANSFERRED once the caller passed it on, REFUNDED when the caller was refunded for it. Elsewhere (an event's
 * sales, the metadata) it is the ticket's: ACTIVE while its buyer holds it, TRANSFERRED once someone else does,
 * REFUNDED once refunded and burned.
 */
public enum TicketStatus {
    ACTIVE,
    TRANSFERRED,
    REFUNDED
}
