package io.echain.tickets;

import io.swagger.v3.oas.annotations.media.Schema;

/** A ticket as the API shows it. */
public record TicketView(
        @Schema(description = "ERC-721 token id, decimal string")
        String tokenId,

        Long eventId,
        String eventName,

        @Schema(description = "On-chain event id, decimal string")
        String chainEventId,

        String owner,

        @Schema(allowableValues = {"ACTIVE", "TRANSFERRED", "REFUNDED"})
        String status,

        @Schema(description = "Price paid in wei, decimal string")
        String pricePaidWei,

        String mintTxHash,
        Long blockNumber,
        long confirmations,
        boolean confirmed,

        @Schema(description = "Absolute URL of the ticket's ERC-721 metadata: what the contract's tokenURI returns")
        String metadataUrl) {}
