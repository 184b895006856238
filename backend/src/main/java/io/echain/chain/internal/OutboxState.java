package io.echain.chain.internal;

import io.echain.chain.ContractErrors;
import io.echain.chain.EventListings;
import io.echain.chain.OnChainChangeProgressed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Outcome bookkeeping shared by sender and tracker: outbox rows, and the stage of the event's latest intent
 * announced as {@link OnChainChangeProgressed} (what happens to a mined transaction is projected from the logs).
 */
class OutboxState {

    private static final Logger log = LoggerFactory.getLogger(OutboxState.class);

    private final ChainCommands commands;
    private final EventListings events;
    private final ApplicationEventPublisher publisher;

    OutboxState(ChainCommands commands, EventListings events, ApplicationEventPublisher publisher) {
        this.commands = commands;
        this.events = events;
        this.publisher = publisher;
    }

    ChainCommands commands() {
        return commands;
    }

    EventListings events() {
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
        finish(
                command,
                alreadyDone ? ChainCommand.Status.CONFIRMED : ChainCommand.Status.FAILED,
                (alreadyDone ? "already on chain: " : "reverted: ") + revert);
    }

    /** Announces the stage of the event's latest intent that counts (superseded ones do not). */
    void showStatus(long eventId) {
        commands.latest(eventId).ifPresent(latest -> {
            OnChainChangeProgressed.Stage stage = switch (latest.status()) {
                case PENDING -> OnChainChangeProgressed.Stage.QUEUED;
                case SENT -> OnChainChangeProgressed.Stage.SUBMITTED;
                case FAILED -> OnChainChangeProgressed.Stage.FAILED;
                // Without a transaction of ours there is no log to project: the outbox is the one to say so.
                case CONFIRMED ->
                    latest.txHash() == null || latest.blockNumber() == null
                            ? OnChainChangeProgressed.Stage.ALREADY_ON_CHAIN
                            : null;
                case MINED, SUPERSEDED -> null;
            };
            if (stage != null) {
                publisher.publishEvent(new OnChainChangeProgressed(eventId, stage));
            }
        });
    }
}
