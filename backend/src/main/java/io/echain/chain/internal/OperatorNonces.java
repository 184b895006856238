package io.echain.chain.internal;

import java.io.IOException;
import java.math.BigInteger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The operator account's next nonce. Only the instance holding the outbox lock sends, from one thread; this keeps
 * the next nonce in memory and hands each out once. It starts from the larger of the node's pending transaction
 * count and one above the highest nonce of our own sent, not yet mined transactions (which may not have reached
 * the node); {@link #reset()} after a rejected send re-reads both, so a nonce a rejected transaction did not use is
 * handed out again instead of leaving a gap.
 */
class OperatorNonces {

    private final Web3j web3j;
    private final ChainCommands commands;
    private final String operator;
    private Long next;

    OperatorNonces(Web3j web3j, ChainCommands commands, String operator) {
        this.web3j = web3j;
        this.commands = commands;
        this.operator = operator;
    }

    synchronized long next() throws IOException {
        if (next == null) {
            BigInteger pending = web3j.ethGetTransactionCount(operator, DefaultBlockParameterName.PENDING)
                    .send()
                    .getTransactionCount();
            long fromDatabase =
                    commands.highestUnminedNonce(operator).map(n -> n + 1).orElse(0L);
            next = Math.max(pending.longValueExact(), fromDatabase);
        }
        return next++;
    }

    synchronized void reset() {
        next = null;
    }
}
