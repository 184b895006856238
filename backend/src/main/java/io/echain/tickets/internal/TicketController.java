package io.echain.tickets.internal;

import io.echain.identity.Caller;
import io.echain.tickets.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
class TicketController {

    private final TicketQueries tickets;

    TicketController(TicketQueries tickets) {
        this.tickets = tickets;
    }

    @GetMapping(path = "/api/me/tickets", produces = "application/json")
    @Operation(
            summary = "Tickets the caller's wallet holds or held, each once, with confirmations",
            description = "status is the caller's point of view: ACTIVE while the caller holds the ticket (bought or "
                    + "received), TRANSFERRED once the caller passed it on (owner is who holds it now), REFUNDED when "
                    + "the caller was refunded for it (the ticket was burned).")
    List<TicketView> myTickets(Authentication authentication) {
        return tickets.heldBy(Caller.from(authentication).address());
    }
}
