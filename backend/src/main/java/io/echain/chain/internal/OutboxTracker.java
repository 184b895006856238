package io.echain.chain.internal;

import io.echain.chain.Confirmations;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Follows sent transactions: SENT → MINED when a receipt appears (or FAILED with the decoded revert), MINED →
 * CONFIRMED once the block is confirmed ({@link Confirmations}) and the receipt is still in the same block. A transaction
 * the node has forgotten is re-broadcast byte for byte; one that a reorg removed goes back to SENT.
 */
class OutboxTracker {

    private static final Logger log = LoggerFactory.getLogger(OutboxTracker.class);

    private final Web3j web3j;
    private final OutboxState state;
    private final OperatorAccount operator;
    private final OperatorNonces nonces;
    private final Confirmations confirmations;

    OutboxTracker(
            Web3j web3j,
            OutboxState state,
            OperatorAccount operator,
            OperatorNonces nonces,
            Confirmations confirmations) {
        this.web3j = web3j;
        this.state = state;
        this.operator = operator;
        this.nonces = nonces;
        this.confirmations = confirmations;
    }

    /** One pass over every sent, unconfirmed command. */
    void track() throws OutboxSender.NodeDown {
        try {
            var inFlight = state.commands().inFlight();
            if (inFlight.isEmpty()) {
                return;
            }
            long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
            for (ChainCommand command : inFlight) {
                Optional<TransactionReceipt> receipt =
                        web3j.ethGetTransactionReceipt(command.txHash()).send().getTransactionReceipt();
                if (command.status() == ChainCommand.Status.SENT) {
                    if (receipt.isPresent()) {
                        mined(command, receipt.get());
                    } else {
                        rebroadcastIfLost(command);
                    }
                } else if (receipt.isEmpty()) {
                    log.warn(
                            "{} of event {} (tx {}) left the chain in a reorg; tracking it again",
                            command.kind(),
                            command.eventId(),
                            command.txHash());
                    state.commands().markUnmined(command.id());
                    state.showStatus(command.eventId());
                } else if (!receipt.get().getBlockHash().equals(command.blockHash())) {
                    state.commands()
                            .markMined(
                                    command.id(),
                                    receipt.get().getBlockNumber().longValueExact(),
                                    receipt.get().getBlockHash());
                } else if (confirmations.confirmed(command.blockNumber(), head)) {
                    state.finish(command, ChainCommand.Status.CONFIRMED, null);
                }
            }
        } catch (IOException e) {
            throw new OutboxSender.NodeDown(e);
        }
    }

    private void mined(ChainCommand command, TransactionReceipt receipt) {
        long block = receipt.getBlockNumber().longValueExact();
        if (receipt.isStatusOK()) {
            state.commands().markMined(command.id(), block, receipt.getBlockHash());
            state.showStatus(command.eventId());
            return;
        }
        RawTransaction tx = TransactionDecoder.decode(command.rawTx());
        operator.revertReason(tx.getTo(), tx.getData(), block)
                .ifPresentOrElse(
                        revert -> state.reverted(command, revert),
                        () -> state.finish(command, ChainCommand.Status.FAILED, "reverted in block " + block));
    }

    private void rebroadcastIfLost(ChainCommand command) throws IOException {
        if (web3j.ethGetTransactionByHash(command.txHash())
                .send()
                .getTransaction()
                .isPresent()) {
            return; // waiting in the node's pool
        }
        try {
            operator.broadcast(command.rawTx());
            log.info(
                    "Re-broadcast {} of event {} (nonce {}, tx {})",
                    command.kind(),
                    command.eventId(),
                    command.nonce(),
                    command.txHash());
        } catch (OperatorAccount.Rejected rejected) {
            if (rejected.nonceTooLow()) {
                // Another transaction took the nonce: this one can never be mined. Send it anew (the sender
                // checks the chain first, so a change that did happen is not repeated).
                log.warn(
                        "Nonce {} of {} of event {} was taken by another transaction; sending anew",
                        command.nonce(),
                        command.kind(),
                        command.eventId());
                state.commands().retryLater(command.id(), rejected.getMessage(), java.time.Duration.ZERO);
                nonces.reset();
                state.showStatus(command.eventId());
            } else {
                log.warn("Re-broadcast of tx {} rejected: {}", command.txHash(), rejected.getMessage());
            }
        }
    }
}
