package io.echain.tickets.internal;

import io.echain.tickets.TicketStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tickets and ticket_transfers tables. Only {@link TicketsProjection} writes them (in the indexer's
 * transaction); every write has an exact inverse, used when a reorg rolls the chain back.
 */
@Repository
class Tickets {

    private static final String COLUMNS = """
            token_id, event_id, chain_event_id, owner_address, buyer_address, status, payment_id, price_paid,
            mint_tx_hash, block_number""";
    private static final String STATUS_FOR_OWNER =
            "case when owner_address = buyer_address then 'ACTIVE' else 'TRANSFERRED' end";

    /** A minted ticket. */
    record Mint(
            BigInteger tokenId,
            Long eventId,
            BigInteger chainEventId,
            String buyer,
            BigInteger paymentId,
            BigInteger pricePaid,
            String txHash,
            long blockNumber,
            java.time.Instant blockTime) {}

    /** A transfer between two holders (neither is the zero address). */
    record Transfer(
            String blockHash,
            int logIndex,
            long blockNumber,
            String txHash,
            BigInteger tokenId,
            String from,
            String to,
            java.time.Instant blockTime) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Tickets(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void mint(List<Mint> mints) {
        template.batchUpdate("""
                insert into tickets (token_id, event_id, chain_event_id, owner_address, buyer_address, status, payment_id,
                    price_paid, mint_tx_hash, block_number, minted_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?)""", mints, 1_000, (PreparedStatement ps, Mint m) -> {
            ps.setBigDecimal(1, new BigDecimal(m.tokenId()));
            if (m.eventId() == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, m.eventId());
            }
            ps.setBigDecimal(3, new BigDecimal(m.chainEventId()));
            ps.setString(4, m.buyer());
            ps.setString(5, m.buyer());
            ps.setBigDecimal(6, new BigDecimal(m.paymentId()));
            ps.setBigDecimal(7, new BigDecimal(m.pricePaid()));
            ps.setString(8, m.txHash());
            ps.setLong(9, m.blockNumber());
            ps.setTimestamp(10, m.blockTime() == null ? null : java.sql.Timestamp.from(m.blockTime()));
        });
    }

    /** Removes minted tickets again (their purchase left the chain). */
    void unmint(Collection<BigInteger> tokenIds) {
        if (!tokenIds.isEmpty()) {
            jdbc.sql("delete from tickets where token_id = any(?)")
                    .param(decimals(tokenIds))
                    .update();
        }
    }

    void transfer(Transfer t) {
        jdbc.sql("""
                insert into ticket_transfers (block_hash, log_index, block_number, tx_hash, token_id, from_address, to_address,
                    block_time)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        t.blockHash(),
                        t.logIndex(),
                        t.blockNumber(),
                        t.txHash(),
                        new BigDecimal(t.tokenId()),
                        t.from(),
                        t.to(),
                        t.blockTime() == null ? null : java.sql.Timestamp.from(t.blockTime()))
                .update();
        moveTo(t.tokenId(), t.to());
    }

    void untransfer(Transfer t) {
        jdbc.sql("delete from ticket_transfers where block_hash = ? and log_index = ?")
                .params(t.blockHash(), t.logIndex())
                .update();
        moveTo(t.tokenId(), t.from());
    }

    private void moveTo(BigInteger tokenId, String owner) {
        jdbc.sql("update tickets set owner_address = ?, updated_at = now() where token_id = ?")
                .params(owner, new BigDecimal(tokenId))
                .update();
        jdbc.sql("update tickets set status = " + STATUS_FOR_OWNER + " where token_id = ? and status <> 'REFUNDED'")
                .param(new BigDecimal(tokenId))
                .update();
    }

    /** Marks a ticket refunded (it was burned). */
    void refund(BigInteger tokenId) {
        jdbc.sql("update tickets set status = 'REFUNDED', updated_at = now() where token_id = ?")
                .param(new BigDecimal(tokenId))
                .update();
    }

    /** Undoes {@link #refund}: the ticket is held by {@code holder} again. */
    void unrefund(BigInteger tokenId, String holder) {
        jdbc.sql("""
                update tickets set owner_address = :holder, updated_at = now(),
                    status = case when :holder = buyer_address then 'ACTIVE' else 'TRANSFERRED' end
                where token_id = :token""")
                .param("holder", holder)
                .param("token", new BigDecimal(tokenId))
                .update();
    }

    /** Chain events with tickets that no backend event is attached to yet. */
    List<BigInteger> unassignedChainEvents() {
        return jdbc.sql(
                        "select distinct chain_event_id from tickets where event_id is null and chain_event_id is not null")
                .query((rs, n) -> rs.getBigDecimal(1).toBigIntegerExact())
                .list();
    }

    /** Attaches tickets of a chain event to the backend event it maps to, once known. */
    void assignEvent(BigInteger chainEventId, long eventId) {
        jdbc.sql("update tickets set event_id = ? where chain_event_id = ? and event_id is null")
                .params(eventId, new BigDecimal(chainEventId))
                .update();
    }

    Optional<Ticket> find(BigInteger tokenId) {
        return jdbc.sql("select " + COLUMNS + " from tickets where token_id = ?")
                .param(new BigDecimal(tokenId))
                .query(Tickets::map)
                .optional();
    }

    /** Position of the ticket among its chain event's tickets (1-based, by token id). */
    int ticketNumber(Ticket ticket) {
        return jdbc.sql("select count(*) from tickets where chain_event_id = ? and token_id <= ?")
                .params(new BigDecimal(ticket.chainEventId()), new BigDecimal(ticket.tokenId()))
                .query(Integer.class)
                .single();
    }

    /**
     * Tickets {@code wallet} holds or held (bought, received or passed on), each once, with the status as that wallet
     * sees it: ACTIVE while it holds the ticket, REFUNDED if it was refunded for it, TRANSFERRED once it passed the
     * ticket on.
     */
    List<Ticket> heldBy(String wallet) {
        return jdbc.sql("""
                select token_id, event_id, chain_event_id, owner_address, buyer_address, payment_id, price_paid,
                    mint_tx_hash, block_number,
                    case when owner_address = :wallet and status = 'REFUNDED' then 'REFUNDED'
                         when owner_address = :wallet then 'ACTIVE' else 'TRANSFERRED' end as status
                from tickets
                where owner_address = :wallet or buyer_address = :wallet
                   or token_id in (select token_id from ticket_transfers where from_address = :wallet)
                order by token_id""").param("wallet", wallet).query(Tickets::map).list();
    }

    List<Ticket> ofEvent(long eventId) {
        return jdbc.sql("select " + COLUMNS + " from tickets where event_id = ? order by token_id")
                .param(eventId)
                .query(Tickets::map)
                .list();
    }

    private static BigDecimal[] decimals(Collection<BigInteger> values) {
        return values.stream().map(BigDecimal::new).toArray(BigDecimal[]::new);
    }

    private static Ticket map(ResultSet rs, int n) throws SQLException {
        BigDecimal chainEvent = rs.getBigDecimal("chain_event_id");
        BigDecimal payment = rs.getBigDecimal("payment_id");
        BigDecimal price = rs.getBigDecimal("price_paid");
        return new Ticket(
                rs.getBigDecimal("token_id").toBigIntegerExact(),
                (Long) rs.getObject("event_id", Long.class),
                chainEvent == null ? null : chainEvent.toBigIntegerExact(),
                rs.getString("owner_address"),
                rs.getString("buyer_address"),
                TicketStatus.valueOf(rs.getString("status")),
                payment == null ? null : payment.toBigIntegerExact(),
                price == null ? null : price.toBigIntegerExact(),
                rs.getString("mint_tx_hash"),
                (Long) rs.getObject("block_number", Long.class));
    }
}
