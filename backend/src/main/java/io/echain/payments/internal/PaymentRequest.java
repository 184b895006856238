package io.echain.payments.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A purchase transaction the client just sent. */
record PaymentRequest(
        @Schema(
                description = "Hash of the purchaseTickets transaction",
                example = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060")
        @NotNull @Pattern(regexp = "^0x[0-9a-fA-F]{64}$", message = "must be a 0x-prefixed 32-byte hex hash") String txHash) {}
