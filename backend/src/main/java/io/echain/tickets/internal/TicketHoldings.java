package io.echain.tickets.internal;

import io.echain.chain.Confirmations;
import io.echain.chain.indexer.IndexerStatus;
import io.echain.tickets.TicketOwnership;
import io.echain.tickets.TicketStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link TicketOwnership} from the tickets and ticket_transfers tables and the indexer's head. */
@Component
class TicketHoldings implements TicketOwnership {

    private static final String SELECT = """
            select t.token_id, t.event_id, t.owner_address, t.status,
                coalesce(x.block_number, t.block_number) as owner_block,
                case when x.block_number is not null then coalesce(x.block_time, x.created_at)
                     else coalesce(t.minted_at, t.created_at) end as owner_since
            from tickets t
            left join lateral (
                select block_number, block_time, created_at from ticket_transfers
                where token_id = t.token_id order by block_number desc, log_index desc limit 1) x on true
            """;

    private final JdbcClient jdbc;
    private final IndexerStatus indexer;
    private final Confirmations confirmations;

    TicketHoldings(JdbcClient jdbc, IndexerStatus indexer, Confirmations confirmations) {
        this.jdbc = jdbc;
        this.indexer = indexer;
        this.confirmations = confirmations;
    }

    @Override
    public Optional<Holding> find(BigInteger tokenId) {
        long head = indexer.progress().head();
        return jdbc.sql(SELECT + " where t.token_id = ?")
                .param(new BigDecimal(tokenId))
                .query((rs, n) -> map(rs, head))
                .optional();
    }

    @Override
    public List<Holding> ofEvent(long eventId) {
        long head = indexer.progress().head();
        return jdbc.sql(SELECT + " where t.event_id = ? order by t.token_id")
                .param(eventId)
                .query((rs, n) -> map(rs, head))
                .list();
    }

    @Override
    public List<BigInteger> heldBy(long eventId, String owner) {
        return jdbc.sql("""
                select token_id from tickets where event_id = ? and owner_address = ? and status <> 'REFUNDED'
                order by token_id""")
                .params(eventId, owner)
                .query((rs, n) -> rs.getBigDecimal(1).toBigIntegerExact())
                .list();
    }

    @Override
    public long sold(long eventId) {
        return jdbc.sql("select count(*) from tickets where event_id = ? and status <> 'REFUNDED'")
                .param(eventId)
                .query(Long.class)
                .single();
    }

    private Holding map(ResultSet rs, long head) throws SQLException {
        long block = rs.getLong("owner_block");
        Timestamp since = rs.getTimestamp("owner_since");
        return new Holding(
                rs.getBigDecimal("token_id").toBigIntegerExact(),
                (Long) rs.getObject("event_id", Long.class),
                rs.getString("owner_address"),
                TicketStatus.valueOf(rs.getString("status")),
                block,
                since == null ? null : since.toInstant(),
                head >= 0 && confirmations.confirmed(block, head));
    }
}
