/**
 * The chain indexer: reads the contracts' logs with {@code eth_getLogs} in bounded block ranges up to the head,
 * stores every applied block's hash and every applied log, rolls back to the common ancestor on a reorg, decodes the
 * logs into {@link io.echain.chain.indexer.ContractEvent}s with the generated wrappers and hands them, in the same
 * transaction as its cursor, to every module's {@link io.echain.chain.indexer.ChainProjection} (events, tickets,
 * payments). {@link io.echain.chain.indexer.IndexerStatus} and {@link io.echain.chain.indexer.ChainClock} tell any
 * instance how far it is. Exactly one instance indexes at a time (a PostgreSQL advisory lock).
 */
@org.springframework.modulith.NamedInterface("indexer")
package io.echain.chain.indexer;
