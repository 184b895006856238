package io.echain.chain.internal;

import java.time.Instant;

/** One row of the outbox: an intended on-chain change of an event and how far it got. */
record ChainCommand(
        long id,
        long eventId,
        Kind kind,
        Status status,
        int attempts,
        String sender,
        Long nonce,
        String txHash,
        String rawTx,
        Long blockNumber,
        String blockHash,
        Instant sentAt) {

    enum Kind {
        REGISTER,
        UPDATE,
        CANCEL
    }

    /** PENDING → SENT → MINED → CONFIRMED; or SUPERSEDED (a later intent covers it) or FAILED (a revert). */
    enum Status {
        PENDING,
        SENT,
        MINED,
        CONFIRMED,
        SUPERSEDED,
        FAILED;

        /** How the event shows it ({@code chain.status}): SENT is shown as SUBMITTED. */
        String shown() {
            return this == SENT ? "SUBMITTED" : name();
        }
    }
}
