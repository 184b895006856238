package io.echain.chain;

/**
 * Puts events on chain with the operator key. Each call records the intent in the caller's transaction (rolled back
 * with it, never lost once committed); the outbox worker sends it after the commit, reading the event through
 * {@link EventListings}. The contract's event id is the backend's id (1 to 16,777,215). How an intent progresses is
 * announced as {@link OnChainChangeProgressed}.
 */
public interface EventOutbox {

    void register(long eventId);

    void update(long eventId);

    void cancel(long eventId);
}
