package io.echain.chain.indexer;

import java.util.List;

/** What to index: the contract addresses (lower case), the first block to read and the confirmations that make a block final enough. */
record IndexerTarget(List<String> addresses, long deploymentBlock, int confirmations) {
}
