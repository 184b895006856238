package io.echain.payments.internal;

import io.echain.identity.Caller;
import io.echain.shared.ValidAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sales", description = "Quotes, revenue and sales of events")
class SalesController {

    private final QuoteService quotes;
    private final SalesService sales;

    SalesController(QuoteService quotes, SalesService sales) {
        this.quotes = quotes;
        this.sales = sales;
    }

    @GetMapping(path = "/api/events/{id}/quote", produces = "application/json")
    @Operation(summary = "Price of buying quantity tickets now, the purchase call to send, its gas estimate and fee per gas")
    @ApiResponse(responseCode = "200", description = "The quote")
    @ApiResponse(responseCode = "400", description = "Quantity below 1 or above the per-purchase limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "409", description = "Cannot be bought now: sold out, not on sale, paused or cancelled",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    QuoteView quote(@PathVariable long id, @RequestParam(defaultValue = "1") int quantity,
            @Parameter(description = "Sender for the gas estimate; defaults to the signed-in wallet")
            @RequestParam(required = false) @ValidAddress String buyer, Authentication authentication) {
        String from = buyer != null ? buyer.toLowerCase(Locale.ROOT)
                : authentication == null || !authentication.isAuthenticated() || "anonymousUser".equals(authentication.getName())
                        ? null : authentication.getName();
        return quotes.quote(id, quantity, from);
    }

    @GetMapping(path = "/api/organizers/me/revenue", produces = "application/json")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The caller's revenue per event and in total: gross, platform fees, escrow, withdrawable, withdrawn, refunded")
    RevenueView revenue(Authentication authentication) {
        return sales.revenueOf(Caller.from(authentication));
    }

    @GetMapping(path = "/api/admin/revenue", produces = "application/json")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The platform's revenue (admins): fees and royalty halves credited, withdrawn and withdrawable, "
            + "per event and the treasury's withdrawals, as the PaymentProcessor keeps them")
    PlatformRevenueView platformRevenue() {
        return sales.platformRevenue();
    }

    @GetMapping(path = "/api/events/{id}/sales", produces = "application/json")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Tickets, holders and payments of an event (its organizer or an admin)")
    SalesView eventSales(@PathVariable long id, Authentication authentication) {
        return sales.sales(Caller.from(authentication), id);
    }
}
