package io.echain.chain.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chain_commands outbox. */
@Repository
class ChainCommands {

    private static final String COLUMNS = """
            id, event_id, kind, status, attempts, sender, nonce, tx_hash, raw_tx, block_number, block_hash, sent_at""";

    private final JdbcClient jdbc;

    ChainCommands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long eventId, ChainCommand.Kind kind) {
        jdbc.sql("insert into chain_commands (event_id, kind) values (?, ?)")
                .params(eventId, kind.name())
                .update();
    }

    /** Pending commands that are due and wait for no earlier unsent or unmined command of the same event. */
    List<ChainCommand> dueToSend(int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from chain_commands c
                where c.status = 'PENDING' and c.next_attempt_at <= now()
                  and not exists (select 1 from chain_commands p
                                   where p.event_id = c.event_id and p.id < c.id and p.status in ('PENDING', 'SENT'))
                order by c.id limit ?""")
                .param(limit)
                .query(ChainCommands::map)
                .list();
    }

    /** Sent commands not yet confirmed, oldest nonce first. */
    List<ChainCommand> inFlight() {
        return jdbc.sql("select " + COLUMNS
                        + " from chain_commands where status in ('SENT', 'MINED') order by nonce, id")
                .query(ChainCommands::map)
                .list();
    }

    boolean hasLater(ChainCommand command, ChainCommand.Kind... kinds) {
        return jdbc.sql("""
                select exists (select 1 from chain_commands where event_id = ? and id > ? and kind = any(?)
                                 and status <> 'SUPERSEDED')""")
                .params(
                        command.eventId(),
                        command.id(),
                        java.util.Arrays.stream(kinds).map(Enum::name).toArray(String[]::new))
                .query(Boolean.class)
                .single();
    }

    /** The highest nonce of {@code sender} held by a sent, not yet mined transaction. */
    Optional<Long> highestUnminedNonce(String sender) {
        long highest = jdbc.sql(
                        "select coalesce(max(nonce), -1) from chain_commands where sender = ? and status = 'SENT'")
                .param(sender)
                .query(Long.class)
                .single();
        return highest < 0 ? Optional.empty() : Optional.of(highest);
    }

    /** Stores the signed transaction before it is broadcast (so a crash in between never loses or re-signs it). */
    void markSent(long id, String sender, long nonce, String txHash, String rawTx) {
        jdbc.sql("""
                update chain_commands set status = 'SENT', attempts = attempts + 1, sender = ?, nonce = ?, tx_hash = ?,
                    raw_tx = ?, error = null, sent_at = now(), updated_at = now()
                where id = ?""").params(sender, nonce, txHash, rawTx, id).update();
    }

    /** Back to the queue without a transaction (it never reached the node), retried after {@code delay}. */
    void retryLater(long id, String error, Duration delay) {
        jdbc.sql("""
                update chain_commands set status = 'PENDING', sender = null, nonce = null, tx_hash = null, raw_tx = null,
                    block_number = null, block_hash = null, error = ?, updated_at = now(),
                    next_attempt_at = now() + ? * interval '1 millisecond'
                where id = ?""").params(error, delay.toMillis(), id).update();
    }

    void markMined(long id, long blockNumber, String blockHash) {
        jdbc.sql(
                        "update chain_commands set status = 'MINED', block_number = ?, block_hash = ?, updated_at = now() where id = ?")
                .params(blockNumber, blockHash, id)
                .update();
    }

    /** A mined transaction left the canonical chain; it is tracked (and re-broadcast) again. */
    void markUnmined(long id) {
        jdbc.sql(
                        "update chain_commands set status = 'SENT', block_number = null, block_hash = null, updated_at = now() where id = ?")
                .param(id)
                .update();
    }

    void finish(long id, ChainCommand.Status status, String note) {
        jdbc.sql("update chain_commands set status = ?, error = ?, updated_at = now() where id = ?")
                .params(status.name(), note, id)
                .update();
    }

    /** The event's latest change that still counts (superseded ones do not). */
    Optional<ChainCommand> latest(long eventId) {
        return jdbc.sql("select " + COLUMNS + " from chain_commands where event_id = ? and status <> 'SUPERSEDED' "
                        + "order by id desc limit 1")
                .param(eventId)
                .query(ChainCommands::map)
                .optional();
    }

    List<ChainCommand> ofEvent(long eventId) {
        return jdbc.sql("select " + COLUMNS + " from chain_commands where event_id = ? order by id")
                .param(eventId)
                .query(ChainCommands::map)
                .list();
    }

    private static ChainCommand map(ResultSet rs, int n) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new ChainCommand(
                rs.getLong("id"),
                rs.getLong("event_id"),
                ChainCommand.Kind.valueOf(rs.getString("kind")),
                ChainCommand.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("sender"),
                (Long) rs.getObject("nonce", Long.class),
                rs.getString("tx_hash"),
                rs.getString("raw_tx"),
                (Long) rs.getObject("block_number", Long.class),
                rs.getString("block_hash"),
                sentAt == null ? null : sentAt.toInstant());
    }
}
