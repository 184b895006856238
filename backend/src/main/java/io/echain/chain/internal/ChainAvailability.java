package io.echain.chain.internal;

import io.echain.chain.PurchaseAvailability;
import io.echain.chain.PurchaseAvailabilityChanged;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Whether the chain features may talk to the node: only once the node answered and matched the configuration
 * (chain id, contract code). Until then, after every outage until it is verified again, and for good while it does
 * not match, every call of the indexer, the outbox and the request paths is refused at once, and purchases show as
 * paused. Reads that need only PostgreSQL never depend on it.
 */
class ChainAvailability implements PurchaseAvailability {

    /** The chain features' state. */
    enum State {
        UNVERIFIED,
        READY,
        MISCONFIGURED
    }

    /** A call refused because the chain features are paused; an {@link IOException} like any unreachable node. */
    static class ChainPaused extends IOException {
        ChainPaused(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ChainAvailability.class);

    private final ApplicationEventPublisher publisher;
    private volatile State state = State.UNVERIFIED;
    private volatile String problem = "the node has not been reached yet";

    ChainAvailability(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    State state() {
        return state;
    }

    /** What is wrong while not READY (null when READY). */
    String problem() {
        return state == State.READY ? null : problem;
    }

    boolean isReady() {
        return state == State.READY;
    }

    void ready() {
        change(State.READY, null);
    }

    /** The node cannot be reached (or was not checked yet): chain features wait for it. */
    void unverified(String why) {
        change(State.UNVERIFIED, why);
    }

    /** The node answers but does not match the configuration: chain features stop until it does. */
    void misconfigured(String why) {
        change(State.MISCONFIGURED, why);
    }

    /** The refusal for a call made while not READY. */
    ChainPaused refusal() {
        return new ChainPaused(
                state == State.MISCONFIGURED
                        ? "chain features stopped: " + problem
                        : "the chain node is not available: " + problem);
    }

    @Override
    public Optional<String> pausedBecause() {
        return switch (state) {
            case READY -> Optional.empty();
            case UNVERIFIED ->
                Optional.of("Purchases are paused: the platform cannot reach the blockchain right now;"
                        + " they resume by themselves once it is back");
            case MISCONFIGURED ->
                Optional.of("Purchases are paused: the platform's blockchain connection is" + " misconfigured");
        };
    }

    private synchronized void change(State next, String why) {
        State previous = state;
        String previousProblem = problem;
        if (why != null) {
            problem = why;
        }
        state = next;
        if (previous == next && (why == null || why.equals(previousProblem))) {
            return;
        }
        switch (next) {
            case READY -> log.info("Chain features on: the node matches the configuration");
            case UNVERIFIED -> log.warn("Chain features paused until the node is back: {}", why);
            case MISCONFIGURED ->
                log.error(
                        "CHAIN FEATURES STOPPED: {}. Purchases, quotes, the indexer and the outbox"
                                + " stay off until the node matches the configuration; reads keep serving.",
                        why);
        }
        if (previous != next && publisher != null) {
            publisher.publishEvent(new PurchaseAvailabilityChanged(
                    next != State.READY, pausedBecause().orElse(null)));
        }
    }
}
