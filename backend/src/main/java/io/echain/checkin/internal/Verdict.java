package io.echain.checkin.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to one scan (docs/checkin.md): a refusal is a verdict too, never an error. */
record Verdict(
        UUID scanId,
        @Schema(allowableValues = {"ADMITTED", "REFUSED"}) String verdict,

        @Schema(description = "Why it was refused; null when admitted", nullable = true)
        String reason,

        @Schema(description = "Words for the door") String message,
        long eventId,

        @Schema(description = "ERC-721 token id, decimal string; null when the code could not be read", nullable = true)
        String tokenId,

        @Schema(
                description = "The holder the code names (lower case); null unless its signatures are valid",
                nullable = true)
        String holder,

        @Schema(description = "Tickets the holder holds for the event", nullable = true)
        Integer holderTickets,

        @Schema(description = "How many of them are checked in", nullable = true)
        Integer holderCheckedIn,

        String gate,
        Instant scannedAt,

        @Schema(description = "The admission that was first (with ALREADY_CHECKED_IN)", nullable = true)
        FirstCheckIn firstCheckIn,

        @Schema(description = "OWNER_UNCONFIRMED: the ticket's latest transfer or mint is not confirmed yet")
        List<String> flags) {

    static final String ADMITTED = "ADMITTED";
    static final String REFUSED = "REFUSED";

    record FirstCheckIn(Instant at, String gate) {}

    boolean admitted() {
        return ADMITTED.equals(verdict);
    }
}
