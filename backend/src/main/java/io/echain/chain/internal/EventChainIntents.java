package io.echain.chain.internal;

import io.echain.chain.EventOutbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records intents as outbox rows in the caller's transaction: if that transaction rolls back, nothing goes on chain;
 * if it commits, the intent is never lost. The worker is woken after the commit.
 */
@Component
class EventChainIntents implements EventOutbox {

    private final ChainCommands commands;
    private final OutboxWorker worker;

    EventChainIntents(ChainCommands commands, OutboxWorker worker) {
        this.commands = commands;
        this.worker = worker;
    }

    @Override
    public void register(long eventId) {
        record(eventId, ChainCommand.Kind.REGISTER);
    }

    @Override
    public void update(long eventId) {
        record(eventId, ChainCommand.Kind.UPDATE);
    }

    @Override
    public void cancel(long eventId) {
        record(eventId, ChainCommand.Kind.CANCEL);
    }

    private void record(long eventId, ChainCommand.Kind kind) {
        commands.add(eventId, kind);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        } else {
            worker.wake();
        }
    }
}
