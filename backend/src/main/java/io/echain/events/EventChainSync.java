package io.echain.events;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The events module's side of the chain integration: the chain module reads events through it and reports their
 * on-chain id and status back (shown as {@code chain} on the event). The events module never calls the chain.
 */
public interface EventChainSync {

    /** The event as it should be on chain now; empty if there is no such event. */
    Optional<ChainListing> listing(long eventId);

    /** Records the contract's id of the event and the state of its latest on-chain change. */
    void chainStatusChanged(long eventId, BigInteger chainEventId, String chainStatus);
}
