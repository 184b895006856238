package io.echain.chain.internal;

import io.echain.chain.ContractErrors;
import io.echain.events.EventChainSync;
import java.math.BigInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Outcome bookkeeping shared by sender and tracker: outbox rows and the status shown on the event. */
class OutboxState {

    private static final Logger log = LoggerFactory.getLogger(OutboxState.class);

    private final ChainCommands commands;
    private final EventChainSync events;

    OutboxState(ChainCommands commands, EventChainSync events) {
        this.commands = commands;
        this.events = events;
    }

    ChainCommands commands() {
        return commands;
    }

    EventChainSync events() {
        return events;
    }

    void finish(ChainCommand command, ChainCommand.Status status, String note) {
        commands.finish(command.id(), status, note);
        if (status == ChainCommand.Status.FAILED) {
            log.warn("{} of event {} failed: {}", command.kind(), command.eventId(), note);
        }
        showStatus(command.eventId());
    }

    /**
     * A revert: the change is already on chain when registering an event that is registered or cancelling one
     * that is cancelled (a lost earlier send of ours); anything else fails with the decoded reason.
     */
    void reverted(ChainCommand command, ContractErrors.Revert revert) {
        boolean alreadyDone = switch (command.kind()) {
            case REGISTER -> revert.reason().equals("EventAlreadyRegistered");
            case CANCEL -> revert.reason().equals("EventIsCancelled");
            case UPDATE -> false;
        };
        finish(command, alreadyDone ? ChainCommand.Status.CONFIRMED : ChainCommand.Status.FAILED,
                (alreadyDone ? "already on chain: " : "reverted: ") + revert);
    }

    /** Shows the state of the event's latest change that counts on the event. */
    void showStatus(long eventId) {
        commands.latestStatus(eventId).ifPresent(status ->
                events.chainStatusChanged(eventId, BigInteger.valueOf(eventId), status.shown()));
    }
}
