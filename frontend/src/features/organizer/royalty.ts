/**
 * Resale royalties (ERC-2981, 10% of a resale) are paid to the event's splitter contract; `withdrawRoyalty` first
 * forwards the splitter's balance to the PaymentProcessor, whose `payRoyalty` splits it: half to the platform, rounded
 * down, and the rest, with the odd wei, to the organizer (`platformShare = value / 2; organizerShare = value -
 * platformShare`). These mirror that arithmetic so the amount shown is the amount paid, to the wei.
 */

/** The organizer's part of `value` wei of royalties: the larger half when it is odd. */
export function organizerRoyaltyShare(value: bigint): bigint {
  return value - value / 2n
}

/** The platform's part: the smaller half. */
export function platformRoyaltyShare(value: bigint): bigint {
  return value / 2n
}

/** What `withdrawRoyalty` pays the organizer now: the ledger's credit not yet withdrawn, plus their share of the splitter. */
export function royaltyWithdrawable(books: { royaltyCredited: bigint; royaltyWithdrawn: bigint }, splitterBalance: bigint): bigint {
  return books.royaltyCredited - books.royaltyWithdrawn + organizerRoyaltyShare(splitterBalance)
}
