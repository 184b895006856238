package io.echain.chain;

/**
 * The outbox's latest intent for an event moved on. What happens once its transaction is mined (mined, confirmed,
 * undone by a reorg) is a chain fact: the owner of the event projects it from the indexed logs.
 *
 * @param eventId the backend's (and the contract's) event id
 * @param stage QUEUED (waiting to be sent, again after a transient error), SUBMITTED (signed and broadcast, not mined
 *     yet), ALREADY_ON_CHAIN (nothing had to be sent: the chain already has this state), FAILED (reverted or given up;
 *     see the outbox row)
 */
public record OnChainChangeProgressed(long eventId, Stage stage) {

    public enum Stage {
        QUEUED,
        SUBMITTED,
        ALREADY_ON_CHAIN,
        FAILED
    }
}
