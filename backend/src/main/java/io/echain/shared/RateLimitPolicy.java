package io.echain.shared;

/** Named limits; their sizes come from {@code echain.rate-limit.<policy>.*}. */
public enum RateLimitPolicy {
    /** Nonce and verify requests. */
    SIGN_IN,
    /** Every state-changing request. */
    WRITE,
    /** Reads that cost a node call each (a quote with the sender's own gas estimate). */
    ESTIMATE,
    /** Scans at the door and offline syncs, per scanner (the signed-in wallet) and per IP (a venue's network). */
    CHECKIN
}
