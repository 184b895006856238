package io.echain.payments.internal;

import io.echain.identity.Caller;
import io.echain.shared.RateLimitPolicy;
import io.echain.shared.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments", description = "Track ticket purchases")
@SecurityRequirement(name = "bearer")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping(path = "/api/payments", consumes = "application/json", produces = "application/json")
    @RateLimited(RateLimitPolicy.WRITE)
    @Operation(
            summary = "Track a purchaseTickets transaction right after sending it; it is PENDING until "
                    + "mined and confirmed (see docs/api/PAYMENTS.md)")
    @ApiResponse(
            responseCode = "201",
            description = "Tracked; Location points at the payment",
            headers = @Header(name = "Location", description = "URL of the payment"))
    @ApiResponse(responseCode = "200", description = "This transaction was already tracked")
    @ApiResponse(
            responseCode = "422",
            description = "Not a purchaseTickets call on the Echain PaymentProcessor",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<PaymentView> track(@Valid @RequestBody PaymentRequest request, Authentication authentication) {
        PaymentService.Tracked tracked = payments.submit(Caller.from(authentication), request.txHash());
        URI location = URI.create("/api/payments/" + tracked.payment().id());
        return ResponseEntity.status(tracked.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location)
                .body(tracked.payment());
    }

    @GetMapping(path = "/api/payments/{id}", produces = "application/json")
    @Operation(summary = "A payment with its status and confirmations (its buyer, who reported it, or an admin)")
    PaymentView get(@PathVariable long id, Authentication authentication) {
        return payments.get(Caller.from(authentication), id);
    }

    @GetMapping(path = "/api/me/payments", produces = "application/json")
    @Operation(summary = "The caller's payments, newest first (bought by or reported by the caller's wallet)")
    List<PaymentView> myPayments(Authentication authentication) {
        return payments.of(Caller.from(authentication));
    }
}
