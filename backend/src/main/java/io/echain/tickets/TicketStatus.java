package io.echain.tickets;

/** ACTIVE while the buyer holds it, TRANSFERRED once someone else does, REFUNDED once refunded and burned. */
public enum TicketStatus { ACTIVE, TRANSFERRED, REFUNDED }
