package io.echain.checkin.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The checkin_scans, checkin_admissions and checkin_conflicts tables. */
@Repository
class CheckIns {

    record Admission(UUID scanId, BigInteger tokenId, String holder, String gate, Instant scannedAt) {}

    record Scan(
            UUID scanId,
            long eventId,
            BigInteger tokenId,
            String holder,
            String gate,
            String scanner,
            Instant scannedAt,
            Verdict answer,
            boolean offline,
            String offlineVerdict) {}

    record Side(UUID scanId, String gate, Instant at) {}

    record Conflict(String tokenId, Side kept, Side other, Instant recordedAt) {}

    record GateCount(String gate, long admitted, long refused) {}

    private final JdbcClient jdbc;
    private final tools.jackson.databind.json.JsonMapper json;

    CheckIns(JdbcClient jdbc, tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Takes the admission if the ticket has none yet: true when this scan got it (the primary key decides). */
    boolean admit(long eventId, BigInteger tokenId, UUID scanId, String holder, String gate, Instant at) {
        return jdbc.sql("""
                insert into checkin_admissions (event_id, token_id, scan_id, holder, gate, scanned_at)
                values (?, ?, ?, ?, ?, ?) on conflict (event_id, token_id) do nothing""")
                        .params(eventId, new BigDecimal(tokenId), scanId, holder, gate, Timestamp.from(at))
                        .update()
                == 1;
    }

    /** The ticket's admission, locked until the transaction ends. */
    Optional<Admission> lockAdmission(long eventId, BigInteger tokenId) {
        return jdbc.sql("""
                select scan_id, token_id, holder, gate, scanned_at from checkin_admissions
                where event_id = ? and token_id = ? for update""")
                .params(eventId, new BigDecimal(tokenId))
                .query(CheckIns::admission)
                .optional();
    }

    /** An earlier scan takes the admission over (first scan wins). */
    void replaceAdmission(long eventId, BigInteger tokenId, UUID scanId, String holder, String gate, Instant at) {
        jdbc.sql("""
                update checkin_admissions set scan_id = ?, holder = ?, gate = ?, scanned_at = ?
                where event_id = ? and token_id = ?""")
                .params(scanId, holder, gate, Timestamp.from(at), eventId, new BigDecimal(tokenId))
                .update();
    }

    void conflict(long eventId, BigInteger tokenId, Side kept, Side other) {
        jdbc.sql("""
                insert into checkin_conflicts (event_id, token_id, kept_scan_id, kept_gate, kept_at, other_scan_id,
                    other_gate, other_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (other_scan_id) do nothing""")
                .params(
                        eventId,
                        new BigDecimal(tokenId),
                        kept.scanId(),
                        kept.gate(),
                        Timestamp.from(kept.at()),
                        other.scanId(),
                        other.gate(),
                        Timestamp.from(other.at()))
                .update();
    }

    /** Records a scan unless its id is taken: true when recorded. */
    boolean record(Scan scan) {
        Verdict v = scan.answer();
        return jdbc.sql("""
                insert into checkin_scans (scan_id, event_id, token_id, holder, gate, scanner, scanned_at, verdict,
                    reason, offline, offline_verdict, answer)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (scan_id) do nothing""")
                        .params(
                                scan.scanId(),
                                scan.eventId(),
                                scan.tokenId() == null ? null : new BigDecimal(scan.tokenId()),
                                scan.holder(),
                                scan.gate(),
                                scan.scanner(),
                                Timestamp.from(scan.scannedAt()),
                                v.verdict(),
                                v.reason(),
                                scan.offline(),
                                scan.offlineVerdict(),
                                json.writeValueAsString(v))
                        .update()
                == 1;
    }

    record Stored(long eventId, String scanner, Verdict answer) {}

    Optional<Stored> find(UUID scanId) {
        return jdbc.sql("select event_id, scanner, answer::text from checkin_scans where scan_id = ?")
                .param(scanId)
                .query((rs, n) ->
                        new Stored(rs.getLong(1), rs.getString(2), json.readValue(rs.getString(3), Verdict.class)))
                .optional();
    }

    /** How many of {@code tokenIds} are admitted at the event. */
    int admittedAmong(long eventId, Collection<BigInteger> tokenIds) {
        if (tokenIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from checkin_admissions where event_id = ? and token_id = any(?)")
                .params(eventId, tokenIds.stream().map(BigDecimal::new).toArray(BigDecimal[]::new))
                .query(Integer.class)
                .single();
    }

    Map<BigInteger, Admission> admissions(long eventId) {
        Map<BigInteger, Admission> all = new LinkedHashMap<>();
        jdbc.sql("select scan_id, token_id, holder, gate, scanned_at from checkin_admissions where event_id = ?")
                .param(eventId)
                .query(CheckIns::admission)
                .list()
                .forEach(a -> all.put(a.tokenId(), a));
        return all;
    }

    long admittedCount(long eventId) {
        return jdbc.sql("select count(*) from checkin_admissions where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }

    List<GateCount> gates(long eventId) {
        return jdbc.sql("""
                select gate, count(*) filter (where verdict = 'ADMITTED'), count(*) filter (where verdict = 'REFUSED')
                from checkin_scans where event_id = ? group by gate order by gate""")
                .param(eventId)
                .query((rs, n) -> new GateCount(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    Map<String, Long> refusedByReason(long eventId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select reason, count(*) from checkin_scans where event_id = ? and verdict = 'REFUSED'
                group by reason order by count(*) desc, reason""")
                .param(eventId)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    List<Verdict> recent(long eventId, int limit) {
        return jdbc.sql("""
                select answer::text from checkin_scans where event_id = ? order by received_at desc, scanned_at desc
                limit ?""")
                .params(eventId, limit)
                .query((rs, n) -> json.readValue(rs.getString(1), Verdict.class))
                .list();
    }

    List<Conflict> conflicts(long eventId) {
        return jdbc.sql("""
                select token_id, kept_scan_id, kept_gate, kept_at, other_scan_id, other_gate, other_at, recorded_at
                from checkin_conflicts where event_id = ? order by recorded_at desc, id desc""")
                .param(eventId)
                .query((rs, n) -> new Conflict(
                        rs.getBigDecimal(1).toBigIntegerExact().toString(),
                        new Side(
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant()),
                        new Side(
                                rs.getObject(5, UUID.class),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant()),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    private static Admission admission(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Admission(
                rs.getObject("scan_id", UUID.class),
                rs.getBigDecimal("token_id").toBigIntegerExact(),
                rs.getString("holder"),
                rs.getString("gate"),
                rs.getTimestamp("scanned_at").toInstant());
    }
}
