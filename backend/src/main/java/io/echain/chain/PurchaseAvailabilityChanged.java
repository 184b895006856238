package io.echain.chain;

/** Purchases were paused or resumed (or paused for another reason); cached event pages are rendered anew. */
public record PurchaseAvailabilityChanged(boolean paused, String reason) {}
