package io.echain.events.internal;

import io.echain.events.ChainListing;
import io.echain.events.EventChainSync;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads events for the chain integration and stores its status; cached details catch up within their TTL. */
@Service
class EventChainSyncService implements EventChainSync {

    private final JdbcClient jdbc;

    EventChainSyncService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ChainListing> listing(long eventId) {
        return jdbc.sql("""
                select id, organizer_address, price_wei, capacity, coalesce(sale_starts_at, created_at) as sale_start,
                    coalesce(sale_ends_at, starts_at) as sale_end, ends_at, transfer_locked, status
                from events where id = ?""").param(eventId).query(EventChainSyncService::map).optional();
    }

    @Override
    public void chainStatusChanged(long eventId, BigInteger chainEventId, String chainStatus) {
        jdbc.sql("""
                update events set chain_event_id = :chainEventId, chain_status = :status
                where id = :id and (chain_status is distinct from :status or chain_event_id is distinct from :chainEventId)""")
                .param("chainEventId", new BigDecimal(chainEventId)).param("status", chainStatus).param("id", eventId)
                .update();
    }

    private static ChainListing map(ResultSet rs, int n) throws SQLException {
        return new ChainListing(rs.getLong("id"), rs.getString("organizer_address"),
                rs.getBigDecimal("price_wei").toBigIntegerExact(), rs.getInt("capacity"),
                rs.getObject("sale_start", OffsetDateTime.class).toInstant(),
                rs.getObject("sale_end", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(), rs.getBoolean("transfer_locked"),
                "CANCELLED".equals(rs.getString("status")));
    }
}
