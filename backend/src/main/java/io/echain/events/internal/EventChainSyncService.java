package io.echain.events.internal;

import io.echain.chain.EventListing;
import io.echain.chain.EventListings;
import io.echain.chain.OnChainChangeProgressed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The events module's side of the outbox: reads events for it ({@link EventListings}) and shows how the latest
 * on-chain change of an event is doing ({@code chain.status}). Once a change is mined, {@link EventChainProjection}
 * takes the status on from the indexed logs.
 */
@Service
class EventChainSyncService implements EventListings {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    EventChainSyncService(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @Override
    public Optional<EventListing> listing(long eventId) {
        return jdbc.sql("""
                select id, organizer_address, price_wei, capacity, coalesce(sale_starts_at, created_at) as sale_start,
                    coalesce(sale_ends_at, starts_at) as sale_end, ends_at, transfer_locked, status
                from events where id = ?""").param(eventId).query(EventChainSyncService::map).optional();
    }

    /** A change of the event was handed to the outbox: its contract id is its own id, its status PENDING. */
    void queued(long eventId) {
        show(eventId, ChainStatus.PENDING);
    }

    /**
     * Only a queued change becomes SUBMITTED: once its transaction is mined the indexed logs say how it is doing
     * ({@link EventChainProjection}, which also takes it back to SUBMITTED in a reorg), and a late or repeated
     * announcement must not undo what the chain shows.
     */
    @EventListener
    void on(OnChainChangeProgressed progressed) {
        switch (progressed.stage()) {
            case QUEUED -> show(progressed.eventId(), ChainStatus.PENDING);
            case SUBMITTED -> show(progressed.eventId(), ChainStatus.SUBMITTED, ChainStatus.PENDING);
            case ALREADY_ON_CHAIN -> show(progressed.eventId(), ChainStatus.CONFIRMED);
            case FAILED -> show(progressed.eventId(), ChainStatus.FAILED);
        }
    }

    private void show(long eventId, ChainStatus status) {
        show(eventId, status, null);
    }

    /** Shows {@code status}; with {@code from}, only in place of that status. */
    private void show(long eventId, ChainStatus status, ChainStatus from) {
        int changed = jdbc.sql("""
                update events set chain_event_id = :id, chain_status = :status, chain_block = null
                where id = :id and (chain_status is distinct from :status or chain_event_id is distinct from :id)
                    and (cast(:from as varchar) is null or chain_status = :from)""")
                .param("id", eventId)
                .param("status", status.name())
                .param("from", from == null ? null : from.name())
                .update();
        if (changed > 0) {
            publisher.publishEvent(PublicReadChanged.of(eventId));
        }
    }

    private static EventListing map(ResultSet rs, int n) throws SQLException {
        return new EventListing(
                rs.getLong("id"),
                rs.getString("organizer_address"),
                rs.getBigDecimal("price_wei").toBigIntegerExact(),
                rs.getInt("capacity"),
                rs.getObject("sale_start", OffsetDateTime.class).toInstant(),
                rs.getObject("sale_end", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("transfer_locked"),
                "CANCELLED".equals(rs.getString("status")));
    }
}
