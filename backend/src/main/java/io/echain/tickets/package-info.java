/**
 * Tickets: owns the {@code tickets} table (filled by the chain indexer) and answers how many tickets
 * of an event are sold. Announces changes as {@link io.echain.tickets.TicketSalesChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets")
package io.echain.tickets;
