package io.echain.chain.indexer;

import java.util.List;

/**
 * A module's projection of chain facts into its own tables. The indexer calls every projection (in their
 * {@link org.springframework.core.annotation.Order}) inside its transaction, so what they write and the cursor
 * commit together. Implementations must be deterministic: {@link #undo} of events applied by {@link #apply} restores
 * exactly the state before. Implementations are internal to their module; only the indexer calls them.
 */
public interface ChainProjection {

    /** Applies decoded logs of consecutive blocks, in chain order (block number, then log index). */
    void apply(List<ContractEvent> events);

    /** Undoes applied events; they come newest first (a reorg rolls the projection back to the common ancestor). */
    void undo(List<ContractEvent> newestFirst);

    /** The indexer has applied every block up to {@code progress.appliedThrough()}. */
    default void onProgress(IndexerProgress progress) {}
}
