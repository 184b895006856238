package io.echain.events.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The events table. Updates are conditional on the version the caller read (optimistic locking). */
@Repository
class Events {

    static final String COLUMNS = """
            e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
            e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
            e.sale_starts_at, e.sale_ends_at, e.transfer_locked""";

    static final RowMapper<EventRow> ROW = Events::map;

    private final JdbcClient jdbc;

    Events(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String organizer, EventRequest request) {
        return jdbc.sql("""
                insert into events (organizer_address, name, description, location, starts_at, ends_at, price_wei, capacity,
                    sale_starts_at, sale_ends_at, transfer_locked)
                values (:organizer, :name, :description, :location, :startsAt, :endsAt, :price, :capacity,
                    :saleStartsAt, :saleEndsAt, :transferLocked)
                returning id""")
                .param("organizer", organizer)
                .params(editableFields(request))
                .param("transferLocked", request.transferLockedOrDefault())
                .query(Long.class)
                .single();
    }

    Optional<EventRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from events e where e.id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    /**
     * The row, locked until the transaction ends: an edit checks and writes the version it read, so concurrent edits
     * of one event queue here instead of failing each other's version check.
     */
    Optional<EventRow> findForUpdate(long id) {
        return jdbc.sql("select " + COLUMNS + " from events e where e.id = ? for update")
                .param(id)
                .query(ROW)
                .optional();
    }

    /**
     * Replaces the editable fields if the row is still at {@code expectedVersion}; false otherwise. A sale time not
     * given goes back to its default; transfer_locked is fixed at creation and never written here.
     */
    boolean update(long id, long expectedVersion, EventRequest request) {
        return jdbc.sql("""
                update events set name = :name, description = :description, location = :location,
                    starts_at = :startsAt, ends_at = :endsAt, price_wei = :price, capacity = :capacity,
                    sale_starts_at = :saleStartsAt, sale_ends_at = :saleEndsAt, archived = false,
                    updated_at = now(), version = version + 1
                where id = :id and version = :version""")
                        .params(editableFields(request))
                        .param("id", id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    boolean cancel(long id, long expectedVersion) {
        return jdbc.sql("""
                update events set status = 'CANCELLED', cancelled_at = now(), updated_at = now(), version = version + 1
                where id = ? and version = ? and status <> 'CANCELLED'""").params(id, expectedVersion).update() == 1;
    }

    /**
     * Archives up to {@code batch} events that ended before {@code endedBefore} or are cancelled (takes them out of the
     * upcoming indexes); returns how many. Rows another transaction holds are left for the next run.
     */
    int archive(Instant endedBefore, int batch) {
        return jdbc.sql("""
                update events set archived = true where id in (
                    select id from events where not archived and (ends_at < :endedBefore or status = 'CANCELLED')
                    limit :batch for update skip locked)""")
                .param("endedBefore", timestamp(endedBefore))
                .param("batch", batch)
                .update();
    }

    /** The fields an organizer edits, as the named parameters that insert and update share. */
    private static Map<String, Object> editableFields(EventRequest request) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", request.name());
        params.put("description", request.descriptionOrEmpty());
        params.put("location", request.location());
        params.put("startsAt", timestamp(request.startsAt()));
        params.put("endsAt", timestamp(request.endsAt()));
        params.put("price", new BigDecimal(request.price()));
        params.put("capacity", request.capacity());
        params.put("saleStartsAt", timestamp(request.saleStartsAt()));
        params.put("saleEndsAt", timestamp(request.saleEndsAt()));
        return params;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static EventRow map(ResultSet rs, int n) throws SQLException {
        BigDecimal chainId = rs.getBigDecimal("chain_event_id");
        return new EventRow(
                rs.getLong("id"),
                rs.getString("organizer_address"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("location"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getBigDecimal("price_wei").toBigIntegerExact(),
                rs.getInt("capacity"),
                rs.getInt("tickets_sold"),
                "CANCELLED".equals(rs.getString("status")),
                chainId == null ? null : chainId.toBigIntegerExact(),
                rs.getString("chain_status"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getLong("version"),
                instant(rs, "sale_starts_at"),
                instant(rs, "sale_ends_at"),
                rs.getBoolean("transfer_locked"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static BigDecimal decimal(BigInteger value) {
        return value == null ? null : new BigDecimal(value);
    }
}
