package io.echain.chain.indexer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How far the projection is, as committed by whichever instance indexes: readable on every instance. */
@Component
public class IndexerStatus {

    /** The last applied block and the node's head seen with it (both -1 before the first run). */
    public record Progress(long appliedThrough, long head, java.time.Instant blockTime) {

        /** "Now" as the contracts see it: the later of the last applied block's time and the wall clock. */
        public java.time.Instant chainNow(java.time.Instant wallClock) {
            return blockTime == null || wallClock.isAfter(blockTime) ? wallClock : blockTime;
        }
    }

    private final JdbcClient jdbc;

    IndexerStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Progress progress() {
        return jdbc.sql("select block_number, head_number, block_time from indexer_cursor where id = 1")
                .query((rs, n) -> new Progress(rs.getLong(1), rs.getLong(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant())).optional()
                .orElse(new Progress(-1, -1, null));
    }

    /** Confirmations of a block at {@code blockNumber}: head − block + 1, at least 0. */
    public static long confirmations(long blockNumber, long head) {
        return Math.max(0, head - blockNumber + 1);
    }
}
