package io.echain.events.internal;

import io.echain.chain.EventOutbox;
import io.echain.events.EventCancelled;
import io.echain.events.EventChanged;
import io.echain.events.EventPublished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every change of an event goes on chain through the outbox, in the transaction that made it. */
@Component
class EventChainIntentListener {

    private final EventOutbox outbox;
    private final EventChainSyncService sync;

    EventChainIntentListener(EventOutbox outbox, EventChainSyncService sync) {
        this.outbox = outbox;
        this.sync = sync;
    }

    @EventListener
    void on(EventPublished published) {
        outbox.register(published.eventId());
        sync.queued(published.eventId());
    }

    @EventListener
    void on(EventChanged changed) {
        outbox.update(changed.eventId());
        sync.queued(changed.eventId());
    }

    @EventListener
    void on(EventCancelled cancelled) {
        outbox.cancel(cancelled.eventId());
        sync.queued(cancelled.eventId());
    }
}
