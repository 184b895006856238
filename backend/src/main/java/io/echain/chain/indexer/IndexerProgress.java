package io.echain.chain.indexer;

import java.time.Instant;

/**
 * How far the indexer is: the last applied block and its timestamp, the node's head seen with it, and the newest
 * block that counts as confirmed at that head ({@link io.echain.chain.Confirmations}).
 */
public record IndexerProgress(long appliedThrough, long head, long confirmedThrough, Instant blockTime) {}
