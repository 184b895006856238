package io.echain.payments.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The event_revenue table: the running books of every on-chain event, changed by the projection only. */
@Repository
class Revenues {

    /** Chain-side facts of one event, enough to route and price its purchases. */
    record Registration(BigInteger chainEventId, Long eventId, int feeBps) {}

    private static final String COLUMNS = """
            chain_event_id, event_id, organizer_address, fee_bps, event_end, tickets_sold, tickets_refunded, gross, refunded,
            organizer_withdrawn, royalty_credited, royalty_withdrawn, platform_royalty_credited, settled_fee, settled_share,
            cancelled""";

    private final JdbcClient jdbc;

    Revenues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void register(BigInteger chainEventId, Long eventId, String organizer, int feeBps, Instant eventEnd, long block) {
        jdbc.sql("""
                insert into event_revenue (chain_event_id, event_id, organizer_address, fee_bps, event_end, block_number)
                values (?, ?, ?, ?, ?, ?)""")
                .params(new BigDecimal(chainEventId), eventId, organizer, feeBps, Timestamp.from(eventEnd), block)
                .update();
    }

    void unregister(BigInteger chainEventId) {
        jdbc.sql("delete from event_revenue where chain_event_id = ?")
                .param(new BigDecimal(chainEventId))
                .update();
    }

    Map<BigInteger, Registration> registrations(Collection<BigInteger> chainEventIds) {
        Map<BigInteger, Registration> found = new HashMap<>();
        jdbc.sql("select chain_event_id, event_id, fee_bps from event_revenue where chain_event_id = any(?)")
                .param(chainEventIds.stream().map(BigDecimal::new).toArray(BigDecimal[]::new))
                .query((rs, n) -> {
                    BigInteger id = rs.getBigDecimal(1).toBigIntegerExact();
                    return found.put(id, new Registration(id, (Long) rs.getObject(2, Long.class), rs.getInt(3)));
                })
                .list();
        return found;
    }

    /** Chain events whose backend event is not known yet. */
    List<BigInteger> unassigned() {
        return jdbc.sql("select chain_event_id from event_revenue where event_id is null")
                .query((rs, n) -> rs.getBigDecimal(1).toBigIntegerExact())
                .list();
    }

    void assign(BigInteger chainEventId, long eventId) {
        jdbc.sql("update event_revenue set event_id = ? where chain_event_id = ?")
                .params(eventId, new BigDecimal(chainEventId))
                .update();
    }

    void addSales(BigInteger chainEventId, BigInteger amount, int tickets) {
        jdbc.sql("update event_revenue set gross = gross + ?, tickets_sold = tickets_sold + ? where chain_event_id = ?")
                .params(new BigDecimal(amount), tickets, new BigDecimal(chainEventId))
                .update();
    }

    void addRefund(BigInteger chainEventId, BigInteger amount, int tickets) {
        jdbc.sql("""
                update event_revenue set refunded = refunded + ?, tickets_refunded = tickets_refunded + ?
                where chain_event_id = ?""")
                .params(new BigDecimal(amount), tickets, new BigDecimal(chainEventId))
                .update();
    }

    void setCancelled(BigInteger chainEventId, boolean cancelled) {
        jdbc.sql("update event_revenue set cancelled = ? where chain_event_id = ?")
                .params(cancelled, new BigDecimal(chainEventId))
                .update();
    }

    void setSettled(BigInteger chainEventId, BigInteger fee, BigInteger share) {
        jdbc.sql("update event_revenue set settled_fee = ?, settled_share = ? where chain_event_id = ?")
                .params(
                        fee == null ? null : new BigDecimal(fee),
                        share == null ? null : new BigDecimal(share),
                        new BigDecimal(chainEventId))
                .update();
    }

    void addOrganizerWithdrawn(BigInteger chainEventId, BigInteger amount) {
        jdbc.sql("update event_revenue set organizer_withdrawn = organizer_withdrawn + ? where chain_event_id = ?")
                .params(new BigDecimal(amount), new BigDecimal(chainEventId))
                .update();
    }

    /** A royalty arrived: the organizer's and the platform's half are credited (negative amounts undo it). */
    void addRoyalty(BigInteger chainEventId, BigInteger organizerShare, BigInteger platformShare) {
        jdbc.sql("""
                update event_revenue set royalty_credited = royalty_credited + ?,
                    platform_royalty_credited = platform_royalty_credited + ?
                where chain_event_id = ?""")
                .params(new BigDecimal(organizerShare), new BigDecimal(platformShare), new BigDecimal(chainEventId))
                .update();
    }

    void addPlatformWithdrawal(
            String blockHash, int logIndex, long blockNumber, String txHash, String treasury, BigInteger amount) {
        jdbc.sql("""
                insert into platform_withdrawals (block_hash, log_index, block_number, tx_hash, treasury, amount)
                values (?, ?, ?, ?, ?, ?)""")
                .params(blockHash, logIndex, blockNumber, txHash, treasury, new BigDecimal(amount))
                .update();
    }

    void removePlatformWithdrawal(String blockHash, int logIndex) {
        jdbc.sql("delete from platform_withdrawals where block_hash = ? and log_index = ?")
                .params(blockHash, logIndex)
                .update();
    }

    /** A withdrawal of platform fees and royalty halves to the treasury. */
    record PlatformWithdrawal(String treasury, BigInteger amount, String txHash, long blockNumber) {}

    List<PlatformWithdrawal> platformWithdrawals() {
        return jdbc.sql(
                        "select treasury, amount, tx_hash, block_number from platform_withdrawals order by block_number, log_index")
                .query((rs, n) -> new PlatformWithdrawal(
                        rs.getString(1), rs.getBigDecimal(2).toBigIntegerExact(), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** The platform's side of every event's books, summed as {@link RevenueRow} derives it per event. */
    record PlatformTotals(BigInteger feesCredited, BigInteger feesPending, BigInteger royaltiesCredited, long events) {}

    PlatformTotals platformTotals() {
        return jdbc.sql("""
                        select coalesce(sum(settled_fee) filter (where not cancelled), 0),
                            coalesce(sum(div(gross * fee_bps, 10000)) filter (where not cancelled and settled_fee is null), 0),
                            coalesce(sum(platform_royalty_credited), 0), count(*)
                        from event_revenue""")
                .query((rs, n) -> new PlatformTotals(
                        rs.getBigDecimal(1).toBigIntegerExact(),
                        rs.getBigDecimal(2).toBigIntegerExact(),
                        rs.getBigDecimal(3).toBigIntegerExact(),
                        rs.getLong(4)))
                .single();
    }

    /** A page of every event's books, newest chain event first. */
    List<RevenueRow> page(int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from event_revenue order by chain_event_id desc limit ? offset ?")
                .params(size, (long) page * size)
                .query(Revenues::map)
                .list();
    }

    void addRoyaltyWithdrawn(BigInteger chainEventId, BigInteger amount) {
        jdbc.sql("update event_revenue set royalty_withdrawn = royalty_withdrawn + ? where chain_event_id = ?")
                .params(new BigDecimal(amount), new BigDecimal(chainEventId))
                .update();
    }

    List<RevenueRow> ofOrganizer(String organizer) {
        return jdbc.sql("select " + COLUMNS + " from event_revenue where organizer_address = ? order by chain_event_id")
                .param(organizer)
                .query(Revenues::map)
                .list();
    }

    Optional<RevenueRow> ofEvent(long eventId) {
        return jdbc.sql("select " + COLUMNS + " from event_revenue where event_id = ?")
                .param(eventId)
                .query(Revenues::map)
                .optional();
    }

    Optional<RevenueRow> ofChainEvent(BigInteger chainEventId) {
        return jdbc.sql("select " + COLUMNS + " from event_revenue where chain_event_id = ?")
                .param(new BigDecimal(chainEventId))
                .query(Revenues::map)
                .optional();
    }

    long ticketsSold() {
        return jdbc.sql("select coalesce(sum(tickets_sold - tickets_refunded), 0) from event_revenue")
                .query(Long.class)
                .single();
    }

    long ticketsRefunded() {
        return jdbc.sql("select coalesce(sum(tickets_refunded), 0) from event_revenue")
                .query(Long.class)
                .single();
    }

    private static RevenueRow map(ResultSet rs, int n) throws SQLException {
        return new RevenueRow(
                big(rs, "chain_event_id"),
                (Long) rs.getObject("event_id", Long.class),
                rs.getString("organizer_address"),
                rs.getInt("fee_bps"),
                rs.getTimestamp("event_end").toInstant(),
                rs.getInt("tickets_sold"),
                rs.getInt("tickets_refunded"),
                big(rs, "gross"),
                big(rs, "refunded"),
                big(rs, "organizer_withdrawn"),
                big(rs, "royalty_credited"),
                big(rs, "royalty_withdrawn"),
                big(rs, "platform_royalty_credited"),
                big(rs, "settled_fee"),
                big(rs, "settled_share"),
                rs.getBoolean("cancelled"));
    }

    private static BigInteger big(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.toBigIntegerExact();
    }

    static List<RevenueRow> none() {
        return new ArrayList<>();
    }
}
