package io.echain.tickets.internal;

import io.echain.tickets.Ticket;
import io.echain.tickets.TicketLedger;
import io.echain.tickets.TicketSalesChanged;
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
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcTicketLedger implements TicketLedger {

    private static final String COLUMNS = """
            token_id, event_id, chain_event_id, owner_address, buyer_address, status, payment_id, price_paid,
            mint_tx_hash, block_number""";
    private static final String STATUS_FOR_OWNER = "case when owner_address = buyer_address then 'ACTIVE' else 'TRANSFERRED' end";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher publisher;

    JdbcTicketLedger(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.template = template;
        this.publisher = publisher;
    }

    @Override
    public void mint(List<Mint> mints) {
        template.batchUpdate("""
                insert into tickets (token_id, event_id, chain_event_id, owner_address, buyer_address, status, payment_id,
                    price_paid, mint_tx_hash, block_number) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)""",
                mints, 1_000, (PreparedStatement ps, Mint m) -> {
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
                });
        announce(mints.stream().map(Mint::eventId).toList());
    }

    @Override
    public void unmint(Collection<BigInteger> tokenIds) {
        if (tokenIds.isEmpty()) {
            return;
        }
        List<Long> events = jdbc.sql("delete from tickets where token_id = any(?) returning event_id")
                .param(decimals(tokenIds)).query((rs, n) -> (Long) rs.getObject(1, Long.class)).list();
        announce(events);
    }

    @Override
    public void transfer(Transfer t) {
        jdbc.sql("""
                insert into ticket_transfers (block_hash, log_index, block_number, tx_hash, token_id, from_address, to_address)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(t.blockHash(), t.logIndex(), t.blockNumber(), t.txHash(), new BigDecimal(t.tokenId()), t.from(), t.to())
                .update();
        moveTo(t.tokenId(), t.to());
    }

    @Override
    public void untransfer(Transfer t) {
        jdbc.sql("delete from ticket_transfers where block_hash = ? and log_index = ?").params(t.blockHash(), t.logIndex())
                .update();
        moveTo(t.tokenId(), t.from());
    }

    private void moveTo(BigInteger tokenId, String owner) {
        jdbc.sql("update tickets set owner_address = ?, updated_at = now() where token_id = ?")
                .params(owner, new BigDecimal(tokenId)).update();
        jdbc.sql("update tickets set status = " + STATUS_FOR_OWNER + " where token_id = ? and status <> 'REFUNDED'")
                .param(new BigDecimal(tokenId)).update();
    }

    @Override
    public void refund(BigInteger tokenId) {
        List<Long> events = jdbc.sql("""
                update tickets set status = 'REFUNDED', updated_at = now() where token_id = ? returning event_id""")
                .param(new BigDecimal(tokenId)).query((rs, n) -> (Long) rs.getObject(1, Long.class)).list();
        announce(events);
    }

    @Override
    public void unrefund(BigInteger tokenId, String holder) {
        List<Long> events = jdbc.sql("""
                update tickets set owner_address = :holder, updated_at = now(),
                    status = case when :holder = buyer_address then 'ACTIVE' else 'TRANSFERRED' end
                where token_id = :token returning event_id""")
                .param("holder", holder).param("token", new BigDecimal(tokenId))
                .query((rs, n) -> (Long) rs.getObject(1, Long.class)).list();
        announce(events);
    }

    @Override
    public void assignEvent(BigInteger chainEventId, long eventId) {
        int changed = jdbc.sql("update tickets set event_id = ? where chain_event_id = ? and event_id is null")
                .params(eventId, new BigDecimal(chainEventId)).update();
        if (changed > 0) {
            announce(List.of(eventId));
        }
    }

    @Override
    public Optional<Ticket> find(BigInteger tokenId) {
        return jdbc.sql("select " + COLUMNS + " from tickets where token_id = ?").param(new BigDecimal(tokenId))
                .query(JdbcTicketLedger::map).optional();
    }

    @Override
    public int ticketNumber(Ticket ticket) {
        return jdbc.sql("select count(*) from tickets where chain_event_id = ? and token_id <= ?")
                .params(new BigDecimal(ticket.chainEventId()), new BigDecimal(ticket.tokenId()))
                .query(Integer.class).single();
    }

    @Override
    public List<Ticket> ownedBy(String owner) {
        return jdbc.sql("select " + COLUMNS + " from tickets where owner_address = ? order by token_id")
                .param(owner).query(JdbcTicketLedger::map).list();
    }

    @Override
    public List<Ticket> ofEvent(long eventId) {
        return jdbc.sql("select " + COLUMNS + " from tickets where event_id = ? order by token_id")
                .param(eventId).query(JdbcTicketLedger::map).list();
    }

    @Override
    public List<TransferRecord> transfersOf(BigInteger tokenId) {
        return jdbc.sql("""
                select token_id, from_address, to_address, tx_hash, block_number from ticket_transfers
                where token_id = ? order by block_number, log_index""").param(new BigDecimal(tokenId))
                .query((rs, n) -> new TransferRecord(rs.getBigDecimal(1).toBigIntegerExact(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    private void announce(Collection<Long> eventIds) {
        Set<Long> distinct = new TreeSet<>();
        eventIds.forEach(id -> {
            if (id != null) {
                distinct.add(id);
            }
        });
        distinct.forEach(id -> publisher.publishEvent(new TicketSalesChanged(id)));
    }

    private static BigDecimal[] decimals(Collection<BigInteger> values) {
        return values.stream().map(BigDecimal::new).toArray(BigDecimal[]::new);
    }

    private static Ticket map(ResultSet rs, int n) throws SQLException {
        BigDecimal chainEvent = rs.getBigDecimal("chain_event_id");
        BigDecimal payment = rs.getBigDecimal("payment_id");
        BigDecimal price = rs.getBigDecimal("price_paid");
        return new Ticket(rs.getBigDecimal("token_id").toBigIntegerExact(), (Long) rs.getObject("event_id", Long.class),
                chainEvent == null ? null : chainEvent.toBigIntegerExact(), rs.getString("owner_address"),
                rs.getString("buyer_address"), TicketStatus.valueOf(rs.getString("status")),
                payment == null ? null : payment.toBigIntegerExact(), price == null ? null : price.toBigIntegerExact(),
                rs.getString("mint_tx_hash"), (Long) rs.getObject("block_number", Long.class));
    }
}
