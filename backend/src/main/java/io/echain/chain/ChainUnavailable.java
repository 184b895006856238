package io.echain.chain;

import io.echain.shared.ServiceUnavailable;

/** The node cannot be reached (or timed out): 503 with {@code Retry-After}. */
public class ChainUnavailable extends ServiceUnavailable {

    public ChainUnavailable(String what) {
        super("The blockchain node is unreachable (" + what + "); try again shortly", 5);
    }
}
