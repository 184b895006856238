package io.echain.chain.internal;

import io.echain.chain.Confirmations;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Follows sent transactions: SENT → MINED when a receipt appears (or FAILED with the decoded revert), MINED →
 * CONFIRMED once the block is confirmed ({@link Confirmations}) and the receipt is still in the same block. A transaction
 * the node has forgotten is re-broadcast byte for byte; one that a reorg removed (its block replaced) goes back to
 * SENT.
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
                Optional<TransactionReceipt> receipt = receipt(command.txHash());
                if (command.status() == ChainCommand.Status.SENT) {
                    if (receipt.isPresent()) {
                        mined(command, receipt.get());
                    } else {
                        rebroadcastIfLost(command);
                    }
                } else if (receipt.isEmpty()) {
                    if (!blockReplaced(command)) {
                        log.debug(
                                "No receipt of {} (tx {}) while its block {} is unchanged; asking again",
                                command.kind(),
                                command.txHash(),
                                command.blockNumber());
                        continue;
                    }
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

    /** The receipt, or empty if the node has none; an error answer is the node's trouble, not a missing receipt. */
    private Optional<TransactionReceipt> receipt(String txHash) throws IOException {
        EthGetTransactionReceipt answer = web3j.ethGetTransactionReceipt(txHash).send();
        if (answer.hasError()) {
            throw new IOException(
                    "eth_getTransactionReceipt: " + answer.getError().getMessage());
        }
        return answer.getTransactionReceipt();
    }

    /**
     * Whether the block that held a mined transaction is gone: the node has another block at its height. A node that
     * answers no receipt while it still has that block (a replica behind a load balancer, a node under load), or has
     * no block at that height yet, has not seen a reorg.
     */
    private boolean blockReplaced(ChainCommand command) throws IOException {
        EthBlock.Block block = web3j.ethGetBlockByNumber(
                        DefaultBlockParameter.valueOf(BigInteger.valueOf(command.blockNumber())), false)
                .send()
                .getBlock();
        return block != null && !block.getHash().equalsIgnoreCase(command.blockHash());
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
