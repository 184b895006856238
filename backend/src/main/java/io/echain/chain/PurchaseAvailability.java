package io.echain.chain;

import java.util.Optional;

/**
 * Whether tickets can be bought right now, as the event API shows it ({@code purchases} on every event). The chain
 * module implements it: purchases pause while the node is unreachable or does not match the configuration. The
 * implementation publishes {@link PurchaseAvailabilityChanged} whenever its answer changes.
 */
public interface PurchaseAvailability {

    /** Why purchases are paused, in words a buyer can read; empty while they are possible. */
    Optional<String> pausedBecause();
}
