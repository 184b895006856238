package io.echain.chain.indexer;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The indexer's tables: cursor, applied block hashes and applied logs. */
@Repository
class IndexerStore {

    /** Arbitrary but fixed key of the advisory lock that makes one instance the indexer. */
    static final long LOCK_KEY = 0x6563_6861_696e_4958L;

    record Cursor(long blockNumber, String blockHash, long head, java.time.Instant blockTime) {}

    record Block(long number, String hash, String parentHash, int logCount) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    IndexerStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    javax.sql.DataSource dataSource() {
        return template.getDataSource();
    }

    /** Takes the transaction-scoped indexer lock; false if another instance holds it. */
    boolean tryLock() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK_KEY)
                .query(Boolean.class)
                .single());
    }

    Optional<Cursor> cursor() {
        return jdbc.sql("select block_number, block_hash, head_number, block_time from indexer_cursor where id = 1")
                .query((rs, n) -> new Cursor(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    void saveCursor(long blockNumber, String blockHash, long head, java.time.Instant blockTime) {
        jdbc.sql("""
                insert into indexer_cursor (id, block_number, block_hash, head_number, block_time) values (1, ?, ?, ?, ?)
                on conflict (id) do update set block_number = excluded.block_number, block_hash = excluded.block_hash,
                    head_number = excluded.head_number, block_time = coalesce(excluded.block_time, indexer_cursor.block_time),
                    updated_at = now()""")
                .params(blockNumber, blockHash, head, blockTime == null ? null : java.sql.Timestamp.from(blockTime))
                .update();
    }

    void saveHead(long head) {
        jdbc.sql("update indexer_cursor set head_number = ?, updated_at = now() where id = 1")
                .param(head)
                .update();
    }

    Optional<Block> block(long number) {
        return jdbc.sql("select number, hash, parent_hash, log_count from indexer_blocks where number = ?")
                .param(number)
                .query((rs, n) -> new Block(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .optional();
    }

    /** Stored blocks from {@code number} down, newest first, at most {@code limit}. */
    List<Block> blocksDownFrom(long number, int limit) {
        return jdbc.sql("""
                select number, hash, parent_hash, log_count from indexer_blocks where number <= ?
                order by number desc limit ?""")
                .params(number, limit)
                .query((rs, n) -> new Block(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    void insertBlocks(List<Block> blocks) {
        template.batchUpdate(
                "insert into indexer_blocks (number, hash, parent_hash, log_count) values (?, ?, ?, ?)",
                blocks,
                1_000,
                (PreparedStatement ps, Block b) -> {
                    ps.setLong(1, b.number());
                    ps.setString(2, b.hash());
                    ps.setString(3, b.parentHash());
                    ps.setInt(4, b.logCount());
                });
    }

    void insertLogs(List<ChainLog> logs) {
        template.batchUpdate("""
                insert into indexer_logs (block_hash, log_index, block_number, tx_hash, contract, kind, topics, data)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", logs, 1_000, (PreparedStatement ps, ChainLog log) -> {
            ps.setString(1, log.blockHash());
            ps.setInt(2, log.logIndex());
            ps.setLong(3, log.blockNumber());
            ps.setString(4, log.txHash());
            ps.setString(5, log.contract());
            ps.setString(6, log.kind());
            Array topics = ps.getConnection().createArrayOf("text", log.topics().toArray());
            ps.setArray(7, topics);
            ps.setString(8, log.data());
        });
    }

    /** Applied logs of blocks above {@code number}, newest first. */
    List<ChainLog> logsAbove(long number) {
        return jdbc.sql("""
                select block_number, block_hash, log_index, tx_hash, contract, kind, topics, data from indexer_logs
                where block_number > ? order by block_number desc, log_index desc""")
                .param(number)
                .query((rs, n) -> new ChainLog(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        Arrays.asList((String[]) rs.getArray(7).getArray()),
                        rs.getString(8)))
                .list();
    }

    /** Forgets blocks and logs above {@code number} (after their projection was undone). */
    void deleteAbove(long number) {
        jdbc.sql("delete from indexer_logs where block_number > ?")
                .param(number)
                .update();
        jdbc.sql("delete from indexer_blocks where number > ?").param(number).update();
    }

    /** Keeps the hashes of the newest blocks only; applied logs keep their own block hash. */
    void pruneBlocksBelow(long number) {
        jdbc.sql("delete from indexer_blocks where number < ?").param(number).update();
    }

    long appliedLogCount() {
        return jdbc.sql("select count(*) from indexer_logs").query(Long.class).single();
    }
}
