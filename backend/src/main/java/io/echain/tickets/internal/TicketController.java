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
    @Operation(summary = "Tickets the caller's wallet holds or held (refunded ones included), with confirmations")
    List<TicketView> myTickets(Authentication authentication) {
        return tickets.ownedBy(Caller.from(authentication).address());
    }
}
