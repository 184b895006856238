/**
 * The chain indexer: reads the contracts' logs with {@code eth_getLogs} in bounded block ranges up to the
 * head, stores every applied block's hash and every applied log, rolls back to the common ancestor on a
 * reorg, and hands decoded logs to the {@link io.echain.chain.indexer.LogProjection} (implemented by the
 * payments module) in the same transaction as its cursor. Exactly one instance indexes at a time (a
 * PostgreSQL advisory lock).
 */
@org.springframework.modulith.NamedInterface("indexer")
package io.echain.chain.indexer;
