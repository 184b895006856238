package io.echain.chain.internal;

import io.echain.chain.EventListing;
import io.echain.chain.contracts.EventTicketNFT;
import io.echain.chain.contracts.PaymentProcessor;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Sends one outbox command. Before anything is signed it looks at the chain: an event that is already registered
 * (or cancelled) is not registered (or cancelled) again, an update that changes nothing is not sent, an update
 * followed by a later update or a cancellation is superseded. The call is estimated first, so a revert is known
 * (and decoded) before a nonce is used. The signed transaction is stored before it is broadcast.
 */
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** The node could not be reached; the round stops and is tried again later. */
    static class NodeDown extends Exception {
        NodeDown(IOException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private record Call(String to, String data) {}

    private final OutboxState state;
    private final OperatorAccount operator;
    private final OperatorNonces nonces;
    private final EventTicketNFT ticketNft;
    private final PaymentProcessor paymentProcessor;
    private final int maxAttempts;
    private final Duration retryDelay;

    OutboxSender(
            OutboxState state,
            OperatorAccount operator,
            OperatorNonces nonces,
            EventTicketNFT ticketNft,
            PaymentProcessor paymentProcessor,
            int maxAttempts,
            Duration retryDelay) {
        this.state = state;
        this.operator = operator;
        this.nonces = nonces;
        this.ticketNft = ticketNft;
        this.paymentProcessor = paymentProcessor;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
    }

    void send(ChainCommand command) throws NodeDown {
        try {
            Optional<EventListing> listing = state.events().listing(command.eventId());
            if (listing.isEmpty()) {
                state.finish(command, ChainCommand.Status.FAILED, "the event no longer exists");
                return;
            }
            Call call = switch (command.kind()) {
                case REGISTER -> register(command, listing.get());
                case UPDATE -> update(command, listing.get());
                case CANCEL -> cancel(command);
            };
            if (call != null) {
                sign(command, call);
            }
        } catch (IOException e) {
            throw new NodeDown(e);
        }
    }

    private Call register(ChainCommand command, EventListing event) throws IOException {
        if (onChain(command.eventId()).isPresent()) {
            state.finish(command, ChainCommand.Status.CONFIRMED, "already registered on chain");
            return null;
        }
        long eventEnd = event.endsAt().getEpochSecond();
        long saleEnd = Math.min(event.saleEndsAt().getEpochSecond(), eventEnd);
        long saleStart = Math.min(event.saleStartsAt().getEpochSecond(), saleEnd - 1);
        try {
            return new Call(
                    ticketNft.getContractAddress(),
                    ticketNft
                            .registerEvent(
                                    id(command),
                                    event.organizer(),
                                    event.priceWei(),
                                    BigInteger.valueOf(event.capacity()),
                                    BigInteger.valueOf(saleStart),
                                    BigInteger.valueOf(saleEnd),
                                    BigInteger.valueOf(eventEnd),
                                    event.transferLocked())
                            .encodeFunctionCall());
        } catch (UnsupportedOperationException e) { // a value that does not fit its Solidity type
            state.finish(command, ChainCommand.Status.FAILED, "cannot be encoded: " + e.getMessage());
            return null;
        }
    }

    private Call update(ChainCommand command, EventListing event) throws IOException {
        if (state.commands().hasLater(command, ChainCommand.Kind.UPDATE, ChainCommand.Kind.CANCEL)) {
            state.finish(command, ChainCommand.Status.SUPERSEDED, "a later change covers it");
            return null;
        }
        Optional<EventTicketNFT.EventView> current = onChain(command.eventId());
        if (current.isEmpty() || current.get().cancelled) {
            state.finish(
                    command,
                    ChainCommand.Status.FAILED,
                    current.isEmpty() ? "not registered on chain" : "cancelled on chain");
            return null;
        }
        EventTicketNFT.EventView registered = current.get();
        // The contract's eventEnd (and transfer lock) are fixed at registration; sales must close by then.
        long saleEnd = Math.min(event.saleEndsAt().getEpochSecond(), registered.eventEnd.longValueExact());
        long saleStart = Math.min(event.saleStartsAt().getEpochSecond(), saleEnd - 1);
        if (registered.price.equals(event.priceWei())
                && registered.capacity.intValueExact() == event.capacity()
                && registered.saleStart.longValueExact() == saleStart
                && registered.saleEnd.longValueExact() == saleEnd) {
            state.finish(command, ChainCommand.Status.CONFIRMED, "already up to date on chain");
            return null;
        }
        try {
            return new Call(
                    ticketNft.getContractAddress(),
                    ticketNft
                            .updateEvent(
                                    id(command),
                                    event.priceWei(),
                                    BigInteger.valueOf(event.capacity()),
                                    BigInteger.valueOf(saleStart),
                                    BigInteger.valueOf(saleEnd))
                            .encodeFunctionCall());
        } catch (UnsupportedOperationException e) {
            state.finish(command, ChainCommand.Status.FAILED, "cannot be encoded: " + e.getMessage());
            return null;
        }
    }

    private Call cancel(ChainCommand command) throws IOException {
        Optional<EventTicketNFT.EventView> current = onChain(command.eventId());
        if (current.isPresent() && current.get().cancelled) {
            state.finish(command, ChainCommand.Status.CONFIRMED, "already cancelled on chain");
            return null;
        }
        return new Call(
                paymentProcessor.getContractAddress(),
                paymentProcessor.cancelEvent(id(command)).encodeFunctionCall());
    }

    private void sign(ChainCommand command, Call call) throws IOException, NodeDown {
        BigInteger gas;
        try {
            gas = operator.estimateGas(call.to(), call.data());
        } catch (OperatorAccount.Rejected rejected) {
            if (rejected.revert().isPresent()) {
                state.reverted(command, rejected.revert().get());
            } else {
                retry(command, "estimate failed: " + rejected.getMessage(), retryDelay);
            }
            return;
        }
        long nonce = nonces.next();
        OperatorAccount.Signed signed = operator.sign(nonce, call.to(), call.data(), gas);
        try {
            state.commands().markSent(command.id(), operator.address(), nonce, signed.hash(), signed.raw());
        } catch (DuplicateKeyException e) {
            // Another stored transaction holds this nonce (the counter was stale): re-read it, send next round.
            log.warn("Nonce {} is taken by a stored transaction; re-reading the operator's nonce", nonce);
            nonces.reset();
            return;
        }
        state.showStatus(command.eventId());
        try {
            operator.broadcast(signed.raw());
            log.info("Sent {} of event {}: nonce {}, tx {}", command.kind(), command.eventId(), nonce, signed.hash());
        } catch (IOException e) {
            // Unknown whether the node took it: it stays SENT, the tracker re-broadcasts the same bytes.
            throw new NodeDown(e);
        } catch (OperatorAccount.Rejected rejected) {
            // Never entered the pool: the nonce is free again and is handed out anew.
            log.warn(
                    "Node rejected {} of event {} with nonce {}: {}",
                    command.kind(),
                    command.eventId(),
                    nonce,
                    rejected.getMessage());
            retry(command, rejected.getMessage(), rejected.nonceTooLow() ? Duration.ZERO : retryDelay);
            nonces.reset();
        }
    }

    private void retry(ChainCommand command, String error, Duration delay) {
        if (command.attempts() + 1 >= maxAttempts) {
            state.commands().retryLater(command.id(), error, Duration.ZERO);
            state.finish(
                    command,
                    ChainCommand.Status.FAILED,
                    "gave up after " + (command.attempts() + 1) + " attempts: " + error);
        } else {
            state.commands().retryLater(command.id(), error, delay);
            state.showStatus(command.eventId());
        }
    }

    /** The event as the contract has it; empty if it is not registered. */
    private Optional<EventTicketNFT.EventView> onChain(long eventId) throws IOException {
        try {
            // organizerOf never reverts: zero means not registered.
            String organizer =
                    ticketNft.organizerOf(BigInteger.valueOf(eventId)).send().component1();
            if (new BigInteger(organizer.substring(2), 16).signum() == 0) {
                return Optional.empty();
            }
            return Optional.of(ticketNft.getEvent(BigInteger.valueOf(eventId)).send());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("reading event " + eventId + " on chain failed: " + e.getMessage(), e);
        }
    }

    private static BigInteger id(ChainCommand command) {
        return BigInteger.valueOf(command.eventId());
    }
}
