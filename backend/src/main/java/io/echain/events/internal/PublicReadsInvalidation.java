package io.echain.events.internal;

import io.echain.events.EventCancelled;
import io.echain.events.EventChanged;
import io.echain.events.EventPublished;
import io.echain.shared.BackgroundThread;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Evicts the public read caches of every instance when any instance changes what they show, through PostgreSQL
 * {@code NOTIFY}/{@code LISTEN} on channel {@code echain_public_reads}. The notification is sent inside the writing
 * transaction, so PostgreSQL delivers it exactly when (and only if) the change commits, in commit order, and a
 * writer that crashes right after its commit cannot lose it; the indexer's writes are covered the same way. Each
 * instance listens on one connection of its own; after that connection was lost (notifications may have been
 * missed meanwhile) it evicts everything once it is back. Payload: the event id, or {@code lists}.
 */
@Component
class PublicReadsInvalidation implements SmartLifecycle {

    static final String CHANNEL = "echain_public_reads";
    /** Payload that evicts the list pages only (a new event changes lists, not any cached detail). */
    static final String LISTS = "lists";

    private static final Logger log = LoggerFactory.getLogger(PublicReadsInvalidation.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final PublicEventReads reads;
    private final Counter received;
    private final BackgroundThread thread = new BackgroundThread("cache-invalidation", Duration.ofSeconds(2));

    PublicReadsInvalidation(JdbcClient jdbc, DataSource dataSource, PublicEventReads reads, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.reads = reads;
        this.received = Counter.builder("echain.cache.invalidations.received")
                .description("Cache invalidations received from any instance (this one included) via LISTEN")
                .register(meters);
    }

    // ---- sending: before the writing transaction commits, so the notification leaves with the commit ----------

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(EventPublished published) {
        notifyPeers(LISTS);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(EventChanged changed) {
        notifyPeers(Long.toString(changed.eventId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(EventCancelled cancelled) {
        notifyPeers(Long.toString(cancelled.eventId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PublicReadChanged changed) {
        changed.eventIds().forEach(id -> notifyPeers(Long.toString(id)));
    }

    /** PostgreSQL folds identical payloads of one transaction into one notification. */
    private void notifyPeers(String payload) {
        jdbc.sql("select pg_notify(?, ?)")
                .params(CHANNEL, payload)
                .query((rs, n) -> null)
                .list();
    }

    // ---- receiving ---------------------------------------------------------------------------------------------

    private void listen() {
        boolean missed = false;
        while (thread.running()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                if (missed) {
                    reads.evictAll();
                    log.info("Listening for cache invalidations again; evicted the public read caches");
                }
                missed = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (thread.running()) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        apply(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!thread.running()) {
                    return;
                }
                log.warn("Cache invalidation listener lost its connection ({}); retrying", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void apply(String payload) {
        received.increment();
        if (LISTS.equals(payload)) {
            reads.evictLists();
            return;
        }
        try {
            reads.evict(Long.parseLong(payload));
        } catch (NumberFormatException e) {
            reads.evictAll();
        }
    }

    @Override
    public void start() {
        thread.start(this::listen);
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.running();
    }
}
