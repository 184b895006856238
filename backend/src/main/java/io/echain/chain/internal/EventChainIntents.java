package io.echain.chain.internal;

import io.echain.events.EventCancelled;
import io.echain.events.EventChainSync;
import io.echain.events.EventChanged;
import io.echain.events.EventPublished;
import java.math.BigInteger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the events module's announcements into outbox rows, in the transaction that changed the event: if that
 * transaction rolls back, nothing goes on chain; if it commits, the intent is never lost. The worker is woken after
 * the commit. The contract's event id is the backend's id (1 to 16,777,215, the contract's 24-bit range).
 */
@Component
class EventChainIntents {

    private final ChainCommands commands;
    private final EventChainSync events;
    private final OutboxWorker worker;

    EventChainIntents(ChainCommands commands, EventChainSync events, OutboxWorker worker) {
        this.commands = commands;
        this.events = events;
        this.worker = worker;
    }

    @EventListener
    void on(EventPublished published) {
        record(published.eventId(), ChainCommand.Kind.REGISTER);
    }

    @EventListener
    void on(EventChanged changed) {
        record(changed.eventId(), ChainCommand.Kind.UPDATE);
    }

    @EventListener
    void on(EventCancelled cancelled) {
        record(cancelled.eventId(), ChainCommand.Kind.CANCEL);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true,
            classes = {EventPublished.class, EventChanged.class, EventCancelled.class})
    void wakeWorker() {
        worker.wake();
    }

    private void record(long eventId, ChainCommand.Kind kind) {
        commands.add(eventId, kind);
        events.chainStatusChanged(eventId, BigInteger.valueOf(eventId), ChainCommand.Status.PENDING.shown());
    }
}
