package io.echain.payments;

/**
 * PENDING: known, fewer than N confirmations (or not mined yet); CONFIRMED: N or more; FAILED: reverted,
 * not a purchase, or not mined in time; REFUNDED: every ticket of the purchase was refunded.
 */
public enum PaymentStatus {
    PENDING,
    CONFIRMED,
    FAILED,
    REFUNDED
}
