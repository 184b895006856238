package io.echain.chain.indexer;

import java.util.List;

/** What to index: the contract addresses (lower case) and the first block to read. */
record IndexerTarget(List<String> addresses, long deploymentBlock) {}
