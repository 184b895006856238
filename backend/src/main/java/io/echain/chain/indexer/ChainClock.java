package io.echain.chain.indexer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * "Now" as the contracts see it ({@code block.timestamp}): the timestamp of the latest indexed block, so what the
 * API derives from time (an event has ended, revenue is withdrawable) agrees with what the contract would decide.
 * Until a block is indexed it is the wall clock. The indexing instance advances it as it commits; other instances
 * read the committed value at most once a second.
 */
@Component
public class ChainClock {

    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final IndexerStatus status;
    private final Clock wallClock;
    private volatile Instant blockTime;
    private volatile long readAt = Long.MIN_VALUE;

    ChainClock(IndexerStatus status, Clock wallClock) {
        this.status = status;
        this.wallClock = wallClock;
    }

    public Instant now() {
        long nanos = System.nanoTime();
        if (readAt == Long.MIN_VALUE || nanos - readAt > REFRESH_NANOS) {
            Instant committed = status.progress().blockTime();
            if (committed != null) {
                blockTime = committed;
            }
            readAt = nanos;
        }
        Instant time = blockTime;
        return time == null ? wallClock.instant() : time;
    }

    /** The indexer committed a block with this timestamp. */
    void advance(Instant committedBlockTime) {
        if (committedBlockTime != null) {
            blockTime = committedBlockTime;
            readAt = System.nanoTime();
        }
    }
}
