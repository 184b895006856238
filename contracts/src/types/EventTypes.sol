// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Who may mint, whether sales are paused and the per-purchase limit: one slot, read once per purchase.
struct MintConfig {
    address minter;
    bool paused;
    uint16 maxTicketsPerPurchase;
}

/// @notice Sale terms of one event, packed into a single storage slot because every purchase reads and writes it.
/// @dev 96 + 32 + 32 + 40 + 40 + 8 = 248 bits. `saleEnd == 0` means "not registered" (registration requires
/// `saleStart < saleEnd`).
struct Sale {
    // Price of one ticket in wei for tickets sold from now on (earlier prices live in the price history).
    uint96 price;
    // Maximum number of tickets that can ever be sold.
    uint32 capacity;
    // Tickets sold so far, refunded ones included.
    uint32 sold;
    // First second of the sale window (inclusive).
    uint40 saleStart;
    // End of the sale window (exclusive).
    uint40 saleEnd;
    // Set once by the PaymentProcessor when the event is cancelled; stops sales and updates.
    bool cancelled;
}

/// @notice Data of one event that purchases never touch: who organizes it and how its tickets may move.
/// @dev 160 + 40 + 8 = 208 bits, one slot.
struct EventInfo {
    address organizer;
    // The event is over at this timestamp; funds become releasable and locked tickets transferable.
    uint40 eventEnd;
    // Tickets cannot be transferred (except minted and burned) before `eventEnd`.
    bool transferLocked;
}

/// @notice The price segment that is currently being sold, plus the revenue of all earlier segments.
/// @dev A price change closes the current segment (if it sold anything) and opens a new one starting at the next
/// token id, so the price any token was sold at is found by token id, without a storage write per purchase.
/// 64 + 32 + 160 = 256 bits, one slot.
struct PriceSegment {
    // First token id (global, all events) that can belong to the current segment.
    uint64 startTokenId;
    // `Sale.sold` when the current segment started.
    uint32 soldBefore;
    // Sum paid for all tickets of this event sold in earlier segments.
    uint160 revenueBefore;
}

/// @notice A closed price segment: tokens of the event with id >= `fromTokenId` (and below the next point's
/// `fromTokenId`) were sold at `price`.
struct PricePoint {
    uint64 fromTokenId;
    uint96 price;
}

/// @notice Everything the outside needs to know about an event, as returned by `EventTicketNFT.getEvent`.
struct EventView {
    address organizer;
    uint256 price;
    uint256 capacity;
    uint256 sold;
    uint256 saleStart;
    uint256 saleEnd;
    uint256 eventEnd;
    bool transferLocked;
    bool cancelled;
    address royaltyReceiver;
}

/// @notice Escrow book of one event in the PaymentProcessor.
/// @dev Slot 1: 16 + 8 + 8 + 8 + 32 + 128 = 200 bits. Slot 2 and 3: two uint128 each.
struct Escrow {
    // Platform fee in basis points, fixed when the event was registered.
    uint16 feeBps;
    bool registered;
    bool cancelled;
    // Ticket revenue has been split into the organizer's and the platform's share (only after the event ended).
    bool settled;
    uint32 refundedCount;
    uint128 refunded;
    // Organizer's share of ticket revenue (set at settlement) and what of it was paid out.
    uint128 organizerCredited;
    uint128 organizerWithdrawn;
    // Organizer's half of royalties received for this event and what of it was paid out.
    uint128 royaltyCredited;
    uint128 royaltyWithdrawn;
}

/// @notice Revenue of one event as returned by `PaymentProcessor.eventRevenue`.
struct EventRevenue {
    // Paid for all tickets ever sold, refunded ones included.
    uint256 gross;
    // Refunded to holders of a cancelled event.
    uint256 refunded;
    // Number of refunded (burned) tickets.
    uint256 refundedCount;
    // Platform fee in basis points fixed at registration.
    uint256 feeBps;
    // Platform fee on `gross` (zero for a cancelled event: no fee is kept on refunded sales).
    uint256 platformFee;
    // What the organizer gets from ticket sales in total (zero for a cancelled event).
    uint256 organizerShare;
    // Already paid to the organizer from ticket sales.
    uint256 organizerWithdrawn;
    // Organizer's half of royalties received, and what of it was paid out.
    uint256 royaltyCredited;
    uint256 royaltyWithdrawn;
    // The ETH the processor still holds for this event (sales not yet paid out or refunded, plus unpaid royalties).
    uint256 held;
    bool cancelled;
    bool settled;
}
