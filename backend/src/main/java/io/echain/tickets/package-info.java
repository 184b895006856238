/**
 * Tickets: projects the tickets of every purchase, their transfers and refunds from the chain (fed by the chain
 * indexer), and serves them: {@code /api/me/tickets}, and what the contract's {@code tokenURI} points at (ERC-721
 * metadata and an SVG image). Other modules read an event's tickets through {@link io.echain.tickets.EventTickets}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Tickets",
        allowedDependencies = {"shared", "identity", "events", "chain", "chain :: indexer"})
package io.echain.tickets;
