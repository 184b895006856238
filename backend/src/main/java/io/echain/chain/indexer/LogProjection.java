package io.echain.chain.indexer;

import java.util.List;

/**
 * What the indexer feeds: it is called inside the indexer's transaction, so projection rows and the
 * cursor commit together. Implementations must be deterministic: {@link #undo} of logs applied by
 * {@link #apply} restores exactly the state before.
 */
public interface LogProjection {

    /** Applies logs of consecutive blocks, in chain order (block number, then log index). */
    void apply(List<ChainLog> logs);

    /** Undoes applied logs; they come newest first (a reorg rolls the projection back to the common ancestor). */
    void undo(List<ChainLog> logsNewestFirst);

    /** The indexer has applied every block up to {@code appliedThrough}; the node's head is {@code head}. */
    void onProgress(long appliedThrough, long head);
}
