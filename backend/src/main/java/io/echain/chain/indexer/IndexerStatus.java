package io.echain.chain.indexer;

import io.echain.chain.Confirmations;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How far the projection is, as committed by whichever instance indexes: readable on every instance. */
@Component
public class IndexerStatus {

    private final JdbcClient jdbc;
    private final Confirmations confirmations;

    IndexerStatus(JdbcClient jdbc, Confirmations confirmations) {
        this.jdbc = jdbc;
        this.confirmations = confirmations;
    }

    /** The last applied block, the head seen with it and its timestamp (-1, -1 and null before the first run). */
    public IndexerProgress progress() {
        return jdbc.sql("select block_number, head_number, block_time from indexer_cursor where id = 1")
                .query((rs, n) -> progress(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional()
                .orElse(new IndexerProgress(-1, -1, -1, null));
    }

    IndexerProgress progress(long appliedThrough, long head, Instant blockTime) {
        return new IndexerProgress(appliedThrough, head, confirmations.confirmedThrough(head), blockTime);
    }
}
