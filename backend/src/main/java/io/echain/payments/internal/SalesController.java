package io.echain.payments.internal;

import io.echain.identity.Caller;
import io.echain.shared.RateLimitPolicy;
import io.echain.shared.RateLimited;
import io.echain.shared.ValidAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
    @Operation(
            summary =
                    "Price of buying quantity tickets now, the purchase call to send, its gas estimate and fee per gas",
            description = "Answered from the chain state of the latest block the indexer reported (at most one block "
                    + "old), read once per block for all callers. The gas estimate is shared: a first-time buyer's, "
                    + "re-estimated when the price changes. See the buyer variant for a sender's own estimate.")
    @ApiResponse(responseCode = "200", description = "The quote")
    @ApiResponse(
            responseCode = "400",
            description = "Quantity below 1 or above the per-purchase limit",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "Cannot be bought now: sold out, not on sale, paused or cancelled",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    QuoteView quote(@PathVariable long id, @RequestParam(defaultValue = "1") int quantity) {
        return quotes.quote(id, quantity, null);
    }

    @GetMapping(path = "/api/events/{id}/quote", params = "buyer", produces = "application/json")
    @RateLimited(RateLimitPolicy.ESTIMATE)
    @Operation(
            summary =
                    "A quote with the gas estimate of this sender's purchase (one node call per request: rate-limited)")
    @ApiResponse(responseCode = "200", description = "The quote")
    @ApiResponse(
            responseCode = "400",
            description = "Quantity below 1 or above the per-purchase limit, or not an address",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "Cannot be bought now: sold out, not on sale, paused or cancelled",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "429",
            description = "Too many own-estimate quotes from this IP address or account",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    QuoteView quoteFor(
            @PathVariable long id,
            @RequestParam(defaultValue = "1") int quantity,
            @Parameter(
                            description =
                                    "Optional: the sender whose own gas estimate the quote carries (one node call per "
                                            + "request, rate-limited: 429 beyond the ESTIMATE policy); without it the estimate is the shared one")
                    @RequestParam(required = false)
                    @ValidAddress
                    String buyer) {
        return quotes.quote(id, quantity, buyer.toLowerCase(Locale.ROOT));
    }

    @GetMapping(path = "/api/organizers/me/revenue", produces = "application/json")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary =
                    "The caller's revenue per event and in total: gross, platform fees, escrow, withdrawable, withdrawn, refunded")
    RevenueView revenue(Authentication authentication) {
        return sales.revenueOf(Caller.from(authentication));
    }

    @GetMapping(path = "/api/admin/revenue", produces = "application/json")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "The platform's revenue (admins): fees and royalty halves credited, withdrawn and withdrawable, "
                    + "per event (a page, newest event first; the totals cover every event) and the treasury's "
                    + "withdrawals, as the PaymentProcessor keeps them")
    PlatformRevenueView platformRevenue(
            @Parameter(description = "Zero-based page of the events' books (default 0)")
                    @RequestParam(defaultValue = "0")
                    @Min(0) @Max(1_000_000) int page,
            @Parameter(description = "Events per page, 1..200 (default 50)")
                    @RequestParam(defaultValue = "50")
                    @Min(1) @Max(200) int size) {
        return sales.platformRevenue(page, size);
    }

    @GetMapping(path = "/api/events/{id}/sales", produces = "application/json")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Tickets, holders and payments of an event (its organizer or an admin)")
    SalesView eventSales(@PathVariable long id, Authentication authentication) {
        return sales.sales(Caller.from(authentication), id);
    }
}
