package io.echain.checkin.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The checkin_door_staff table: who may scan an event's tickets besides its organizer and admins. */
@Repository
class DoorStaff {

    record Entry(long eventId, String address, String grantedBy, Instant grantedAt) {}

    private final JdbcClient jdbc;

    DoorStaff(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Grants (idempotent: an existing grant keeps who granted it and when). */
    Entry grant(long eventId, String address, String by) {
        jdbc.sql("""
                insert into checkin_door_staff (event_id, address, granted_by) values (?, ?, ?)
                on conflict (event_id, address) do nothing""").params(eventId, address, by).update();
        return find(eventId, address).orElseThrow();
    }

    void revoke(long eventId, String address) {
        jdbc.sql("delete from checkin_door_staff where event_id = ? and address = ?")
                .params(eventId, address)
                .update();
    }

    boolean isStaff(long eventId, String address) {
        return jdbc.sql("select exists (select 1 from checkin_door_staff where event_id = ? and address = ?)")
                .params(eventId, address)
                .query(Boolean.class)
                .single();
    }

    java.util.Optional<Entry> find(long eventId, String address) {
        return jdbc.sql("select event_id, address, granted_by, granted_at from checkin_door_staff"
                        + " where event_id = ? and address = ?")
                .params(eventId, address)
                .query(DoorStaff::map)
                .optional();
    }

    List<Entry> ofEvent(long eventId) {
        return jdbc.sql("select event_id, address, granted_by, granted_at from checkin_door_staff"
                        + " where event_id = ? order by granted_at, address")
                .param(eventId)
                .query(DoorStaff::map)
                .list();
    }

    /** Events {@code address} is door staff of. */
    List<Long> eventsOf(String address) {
        return jdbc.sql("select event_id from checkin_door_staff where address = ? order by event_id")
                .param(address)
                .query(Long.class)
                .list();
    }

    private static Entry map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(
                rs.getLong("event_id"),
                rs.getString("address"),
                rs.getString("granted_by"),
                rs.getTimestamp("granted_at").toInstant());
    }
}
