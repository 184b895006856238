package io.echain.chain;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one definition of "confirmed" (indexer, outbox and API): a transaction's block has as many confirmations as
 * there are blocks from it to the head, itself included (head − block + 1, as wallets such as viem count them), and
 * counts as confirmed once that reaches {@code echain.chain.confirmations} (default 3: its block and two on top).
 */
@Component
public class Confirmations {

    private final int required;

    @Autowired
    public Confirmations(ChainProperties properties) {
        this(properties.confirmations());
    }

    public Confirmations(int required) {
        if (required < 1) {
            throw new IllegalArgumentException("echain.chain.confirmations must be at least 1, not " + required);
        }
        this.required = required;
    }

    /** Confirmations a block needs. */
    public int required() {
        return required;
    }

    /** Confirmations of block {@code blockNumber} at {@code head}: head − block + 1, at least 0. */
    public long of(long blockNumber, long head) {
        return Math.max(0, head - blockNumber + 1);
    }

    public boolean confirmed(long blockNumber, long head) {
        return of(blockNumber, head) >= required;
    }

    /** The newest block that is confirmed when the head is {@code head}. */
    public long confirmedThrough(long head) {
        return head - required + 1;
    }
}
