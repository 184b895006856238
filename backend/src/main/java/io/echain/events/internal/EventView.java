package io.echain.events.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An event as the API shows it. */
record EventView(
        long id,
        String name,
        String description,
        String location,
        Instant startsAt,
        Instant endsAt,

        @Schema(description = "When ticket sales open: as set, else the creation time")
        Instant saleStartsAt,

        @Schema(description = "When ticket sales close: as set, else startsAt")
        Instant saleEndsAt,

        @Schema(description = "Tickets cannot be transferred until the event ends; fixed at creation")
        boolean transferLocked,

        @Schema(description = "Ticket price in wei, decimal string")
        String priceWei,

        String organizer,
        EventStatus status,
        Availability availability,
        Chain chain,
        Purchases purchases,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    record Availability(int capacity, int sold, int remaining) {}

    @Schema(
            description = "Whether the platform takes purchases right now (paused while the blockchain node is"
                    + " unreachable); show the reason to buyers")
    record Purchases(
            boolean paused, @Schema(nullable = true) String reason) {

        static final Purchases OPEN = new Purchases(false, null);
    }

    @Schema(description = "On-chain registration; filled by the chain integration")
    record Chain(
            @Schema(description = "The contract's event id (the backend's id), decimal string")
            String eventId,

            @Schema(
                    description =
                            "State of the event's latest on-chain change: PENDING (queued), SUBMITTED (sent), "
                                    + "MINED (in a block, fewer confirmations than GET /api/chain's confirmations), CONFIRMED, FAILED")
            ChainStatus status) {}

    static EventView of(EventRow row, int sold, Instant now, Purchases purchases) {
        return new EventView(
                row.id(),
                row.name(),
                row.description(),
                row.location(),
                row.startsAt(),
                row.endsAt(),
                row.effectiveSaleStart(),
                row.effectiveSaleEnd(),
                row.transferLocked(),
                row.priceWei().toString(),
                row.organizer(),
                row.status(now),
                new Availability(row.capacity(), sold, Math.max(0, row.capacity() - sold)),
                new Chain(
                        row.chainEventId() == null ? null : row.chainEventId().toString(),
                        row.chainStatus() == null ? null : ChainStatus.valueOf(row.chainStatus())),
                purchases,
                row.createdAt(),
                row.updatedAt(),
                row.version());
    }
}
