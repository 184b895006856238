package io.echain.events.internal;

/**
 * {@code chain.status} of an event: the state of its latest on-chain change. PENDING (queued in the outbox),
 * SUBMITTED (sent, not mined), MINED (in a block, fewer confirmations than required), CONFIRMED (enough
 * confirmations, or nothing had to be sent), FAILED (reverted or given up).
 */
enum ChainStatus {
    PENDING,
    SUBMITTED,
    MINED,
    CONFIRMED,
    FAILED
}
