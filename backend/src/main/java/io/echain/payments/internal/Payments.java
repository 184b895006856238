package io.echain.payments.internal;

import io.echain.payments.PaymentStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments table. */
@Repository
class Payments {

    static final String COLUMNS = """
            id, tx_hash, payment_id, chain_event_id, event_id, buyer_address, quantity, amount, fee, refunded_count,
            refunded_amount, status, failure_reason, block_number, block_hash, submitted_by, sender_address, created_at,
            updated_at""";

    /** A purchase as the chain reported it; {@code purchaseIndex} is its position among its transaction's purchases. */
    record Purchase(
            BigInteger paymentId,
            BigInteger chainEventId,
            Long eventId,
            String buyer,
            int quantity,
            BigInteger amount,
            BigInteger fee,
            String txHash,
            int purchaseIndex,
            long blockNumber,
            String blockHash,
            int logIndex) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Payments(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Records mined purchases. A row the transaction already has (reported by a client, or left unmined by a reorg)
     * is filled in, so a transaction's purchase is always one row.
     */
    void upsertMined(List<Purchase> purchases) {
        template.batchUpdate("""
                insert into payments (tx_hash, purchase_index, payment_id, chain_event_id, event_id, buyer_address,
                    quantity, amount, fee, status, block_number, block_hash, log_index)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                on conflict (tx_hash, purchase_index) do update set payment_id = excluded.payment_id,
                    chain_event_id = excluded.chain_event_id, event_id = excluded.event_id,
                    buyer_address = excluded.buyer_address, quantity = excluded.quantity, amount = excluded.amount,
                    fee = excluded.fee, status = 'PENDING', block_number = excluded.block_number,
                    block_hash = excluded.block_hash, log_index = excluded.log_index, failure_reason = null,
                    refunded_count = 0, refunded_amount = 0, updated_at = now()""", purchases, 1_000, (ps, p) -> {
            ps.setString(1, p.txHash());
            ps.setInt(2, p.purchaseIndex());
            bind(ps, 3, p);
        });
    }

    private static void bind(PreparedStatement ps, int first, Purchase p) throws SQLException {
        ps.setBigDecimal(first, new BigDecimal(p.paymentId()));
        ps.setBigDecimal(first + 1, new BigDecimal(p.chainEventId()));
        if (p.eventId() == null) {
            ps.setNull(first + 2, Types.BIGINT);
        } else {
            ps.setLong(first + 2, p.eventId());
        }
        ps.setString(first + 3, p.buyer());
        ps.setInt(first + 4, p.quantity());
        ps.setBigDecimal(first + 5, new BigDecimal(p.amount()));
        ps.setBigDecimal(first + 6, new BigDecimal(p.fee()));
        ps.setLong(first + 7, p.blockNumber());
        ps.setString(first + 8, p.blockHash());
        ps.setInt(first + 9, p.logIndex());
    }

    /** The purchase left the chain (reorg): the row waits, PENDING and unmined, for its transaction again. */
    void unmine(BigInteger paymentId) {
        jdbc.sql("""
                update payments set payment_id = null, status = 'PENDING', block_number = null, block_hash = null,
                    log_index = null, refunded_count = 0, refunded_amount = 0, updated_at = now()
                where payment_id = ?""").param(new BigDecimal(paymentId)).update();
    }

    /**
     * Moves PENDING payments with enough confirmations to CONFIRMED; returns, for each, the seconds since the backend
     * first knew it (reported by the buyer or seen by the indexer).
     */
    List<Double> confirmThrough(long block) {
        return jdbc.sql("""
                update payments set status = 'CONFIRMED', updated_at = now()
                where status = 'PENDING' and block_number <= ?
                returning extract(epoch from now() - created_at)""").param(block).query(Double.class).list();
    }

    /**
     * A ticket of a payment was refunded ({@code delta} 1) or the refund undone (-1). The payment is the one whose
     * tokens ({@code payment_id .. payment_id + quantity - 1}) hold {@code tokenId}.
     */
    void refundToken(BigInteger tokenId, BigInteger amount, int delta, long confirmedThrough) {
        jdbc.sql("""
                update payments set refunded_count = refunded_count + :delta, refunded_amount = refunded_amount + :amount,
                    status = case when refunded_count + :delta >= quantity then 'REFUNDED'
                                  when block_number <= :confirmed then 'CONFIRMED' else 'PENDING' end,
                    updated_at = now()
                where payment_id = (select payment_id from payments where payment_id <= :token
                                     order by payment_id desc limit 1)
                  and payment_id + quantity > :token""")
                .param("delta", delta)
                .param("amount", new BigDecimal(amount))
                .param("confirmed", confirmedThrough)
                .param("token", new BigDecimal(tokenId))
                .update();
    }

    void assignEvent(BigInteger chainEventId, long eventId) {
        jdbc.sql("update payments set event_id = ? where chain_event_id = ? and event_id is null")
                .params(eventId, new BigDecimal(chainEventId))
                .update();
    }

    /** Starts tracking a reported transaction; empty if it already has its payment (another report won the race). */
    Optional<Long> track(String txHash, String submittedBy, String sender, PaymentStatus status, String reason) {
        return jdbc.sql("""
                insert into payments (tx_hash, purchase_index, submitted_by, sender_address, status, failure_reason)
                values (?, 0, ?, ?, ?, ?) on conflict (tx_hash, purchase_index) do nothing returning id""")
                .params(txHash, submittedBy, sender, status.name(), reason)
                .query(Long.class)
                .optional();
    }

    /** Records the transaction's sender once the node knows it. */
    void setSender(long id, String sender) {
        jdbc.sql("update payments set sender_address = ? where id = ? and sender_address is null")
                .params(sender, id)
                .update();
    }

    Optional<PaymentRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from payments where id = ?")
                .param(id)
                .query(Payments::map)
                .optional();
    }

    /** The payment of a wallet's transaction (its only purchase). */
    Optional<PaymentRow> ofTransaction(String txHash) {
        return jdbc.sql("select " + COLUMNS + " from payments where tx_hash = ? and purchase_index = 0")
                .param(txHash)
                .query(Payments::map)
                .optional();
    }

    /** Payments the wallet may see ({@link PaymentRow#visibleTo}), newest first. */
    List<PaymentRow> of(String address, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from payments where buyer_address = :a or sender_address = :a
                                  or (submitted_by = :a and sender_address is null and payment_id is null)
                order by id desc limit :limit""")
                .param("a", address)
                .param("limit", limit)
                .query(Payments::map)
                .list();
    }

    List<PaymentRow> ofEvent(long eventId) {
        return jdbc.sql("select " + COLUMNS + " from payments where event_id = ? order by id")
                .param(eventId)
                .query(Payments::map)
                .list();
    }

    /**
     * A PENDING row no block holds yet: reported by a client and not mined, or rolled back by a reorg (then
     * {@code updatedAt}, when it fell out, is after {@code createdAt}; a reported row has both equal).
     */
    record Unmined(long id, String txHash, Instant createdAt, Instant updatedAt) {

        boolean fellOutOfTheChain() {
            return updatedAt.isAfter(createdAt);
        }
    }

    /** The unmined rows, oldest first: what the payment tracker looks for in new blocks. */
    List<Unmined> unmined(int limit) {
        return jdbc.sql("select id, tx_hash, created_at, updated_at from payments "
                        + "where status = 'PENDING' and block_number is null order by id limit ?")
                .param(limit)
                .query((rs, n) -> new Unmined(
                        rs.getLong("id"),
                        rs.getString("tx_hash"),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at")))
                .list();
    }

    boolean fail(long id, String reason, Long blockNumber) {
        return jdbc.sql("""
                update payments set status = 'FAILED', failure_reason = ?, block_number = ?, updated_at = now()
                where id = ? and status = 'PENDING' and payment_id is null""").params(reason, blockNumber, id).update() == 1;
    }

    Map<String, Long> countByStatus() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select status, count(*) from payments group by status")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    private static PaymentRow map(ResultSet rs, int n) throws SQLException {
        return new PaymentRow(
                rs.getLong("id"),
                rs.getString("tx_hash"),
                big(rs, "payment_id"),
                big(rs, "chain_event_id"),
                (Long) rs.getObject("event_id", Long.class),
                rs.getString("buyer_address"),
                (Integer) rs.getObject("quantity", Integer.class),
                big(rs, "amount"),
                big(rs, "fee"),
                rs.getInt("refunded_count"),
                big(rs, "refunded_amount"),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("failure_reason"),
                (Long) rs.getObject("block_number", Long.class),
                rs.getString("block_hash"),
                rs.getString("submitted_by"),
                rs.getString("sender_address"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static BigInteger big(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.toBigIntegerExact();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
