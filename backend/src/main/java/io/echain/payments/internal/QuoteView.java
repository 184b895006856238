package io.echain.payments.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** What buying {@code quantity} tickets costs now, and the call to send (to, data, value). */
record QuoteView(
        long eventId,
        String chainEventId,
        int quantity,
        @Schema(description = "wei, decimal string") String unitPriceWei,

        @Schema(description = "wei to send with purchaseTickets, decimal string")
        String totalWei,

        @Schema(description = "Part of the total that goes to the platform once the event is settled")
        String platformFeeWei,

        int platformFeeBps,
        int remaining,
        int maxPerPurchase,

        @Schema(
                description =
                        "eth_estimateGas of the purchase call: the buyer's own with ?buyer=, else a "
                                + "first-time buyer's (shared, re-estimated when the price changes); null when it cannot be estimated")
        String gasEstimate,

        @Schema(description = "Current fee per gas (eth_gasPrice) in wei")
        String feePerGasWei,

        @Schema(description = "gasEstimate × feePerGas in wei (L2 execution only)")
        String estimatedGasCostWei,

        String to,
        String data,
        String value) {}
